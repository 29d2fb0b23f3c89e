CREATE INDEX `clients_kind_idx` ON `clients` (`kind`);--> statement-breakpoint
CREATE INDEX `clients_relation_idx` ON `clients` (`relation`);--> statement-breakpoint
CREATE INDEX `clients_status_idx` ON `clients` (`status`);