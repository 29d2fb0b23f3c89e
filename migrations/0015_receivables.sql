CREATE TABLE `client_credit_terms` (
	`client_id` text PRIMARY KEY NOT NULL,
	`payment_days` integer,
	`credit_limit_kopecks` integer,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `collection_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`step_id` text NOT NULL,
	`client_id` text NOT NULL,
	`document_id` text NOT NULL,
	`done_at` text NOT NULL,
	`task_id` text,
	`history_id` text,
	FOREIGN KEY (`step_id`) REFERENCES `collection_steps`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `receivable_documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `collection_actions_step_doc_idx` ON `collection_actions` (`step_id`,`document_id`);--> statement-breakpoint
CREATE INDEX `collection_actions_client_idx` ON `collection_actions` (`client_id`,`done_at`);--> statement-breakpoint
CREATE TABLE `collection_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`day` integer NOT NULL,
	`action` text NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text
);
--> statement-breakpoint
CREATE INDEX `collection_steps_day_idx` ON `collection_steps` (`day`);--> statement-breakpoint
CREATE TABLE `counterparty_mappings` (
	`key` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`client_id` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `payment_promises` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`promised_date` text NOT NULL,
	`amount_kopecks` integer NOT NULL,
	`taken_by` text,
	`taken_at` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`resolved_at` text,
	`comment` text,
	`task_id` text,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`taken_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `payment_promises_client_idx` ON `payment_promises` (`client_id`,`taken_at`);--> statement-breakpoint
CREATE INDEX `payment_promises_open_idx` ON `payment_promises` (`status`,`promised_date`);--> statement-breakpoint
CREATE TABLE `receivable_allocations` (
	`id` text PRIMARY KEY NOT NULL,
	`payment_id` text NOT NULL,
	`document_id` text NOT NULL,
	`kopecks` integer NOT NULL,
	`manual` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `receivable_payments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `receivable_documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `receivable_allocations_payment_idx` ON `receivable_allocations` (`payment_id`);--> statement-breakpoint
CREATE INDEX `receivable_allocations_document_idx` ON `receivable_allocations` (`document_id`,`payment_id`);--> statement-breakpoint
CREATE TABLE `receivable_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`content_hash` text NOT NULL,
	`period_from` text,
	`period_to` text,
	`as_of` text,
	`imported_at` text NOT NULL,
	`imported_by` text,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `receivable_batches_hash_idx` ON `receivable_batches` (`kind`,`content_hash`);--> statement-breakpoint
CREATE TABLE `receivable_contracts` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`name` text NOT NULL,
	`payment_days` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `receivable_contracts_client_name_idx` ON `receivable_contracts` (`client_id`,`name`);--> statement-breakpoint
CREATE TABLE `receivable_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`contract_id` text,
	`kind` text NOT NULL,
	`number` text NOT NULL,
	`date` text NOT NULL,
	`due_date` text,
	`amount_kopecks` integer NOT NULL,
	`settled_outside_kopecks` integer DEFAULT 0 NOT NULL,
	`source` text NOT NULL,
	`batch_id` text,
	`deal_id` text,
	`lines` text,
	`comment` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contract_id`) REFERENCES `receivable_contracts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`batch_id`) REFERENCES `receivable_batches`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `receivable_documents_number_idx` ON `receivable_documents` (`client_id`,`number`,`date`);--> statement-breakpoint
CREATE INDEX `receivable_documents_client_date_idx` ON `receivable_documents` (`client_id`,`date`);--> statement-breakpoint
CREATE INDEX `receivable_documents_deal_idx` ON `receivable_documents` (`deal_id`);--> statement-breakpoint
CREATE INDEX `receivable_documents_batch_idx` ON `receivable_documents` (`batch_id`);--> statement-breakpoint
CREATE TABLE `receivable_payments` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text,
	`number` text NOT NULL,
	`date` text NOT NULL,
	`amount_kopecks` integer NOT NULL,
	`payer_inn` text,
	`payer_name` text NOT NULL,
	`purpose` text NOT NULL,
	`source` text NOT NULL,
	`batch_id` text,
	`dedupe_key` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`batch_id`) REFERENCES `receivable_batches`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `receivable_payments_dedupe_idx` ON `receivable_payments` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `receivable_payments_client_date_idx` ON `receivable_payments` (`client_id`,`date`);--> statement-breakpoint
CREATE INDEX `receivable_payments_payer_inn_idx` ON `receivable_payments` (`payer_inn`);--> statement-breakpoint
CREATE INDEX `receivable_payments_batch_idx` ON `receivable_payments` (`batch_id`);