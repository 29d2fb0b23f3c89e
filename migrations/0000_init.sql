CREATE TABLE `client_custom_values` (
	`client_id` text NOT NULL,
	`field_id` text NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY(`client_id`, `field_id`),
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`field_id`) REFERENCES `custom_fields`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ccv_field_value_idx` ON `client_custom_values` (`field_id`,`value`);--> statement-breakpoint
CREATE TABLE `client_tags` (
	`client_id` text NOT NULL,
	`tag_id` text NOT NULL,
	PRIMARY KEY(`client_id`, `tag_id`),
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `client_tags_tag_idx` ON `client_tags` (`tag_id`,`client_id`);--> statement-breakpoint
CREATE TABLE `clients` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`full_name` text,
	`last_name` text,
	`first_name` text,
	`middle_name` text,
	`relation` text DEFAULT 'client' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`source` text,
	`region` text,
	`industry` text,
	`responsible_id` text,
	`inn` text,
	`kpp` text,
	`ogrn` text,
	`legal_address` text,
	`actual_address` text,
	`bank_name` text,
	`bank_bik` text,
	`bank_account` text,
	`bank_corr_account` text,
	`birthday` text,
	`website` text,
	`notes` text,
	`archived_at` text,
	`merged_into_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`responsible_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `clients_id_unique` ON `clients` (`id`);--> statement-breakpoint
CREATE INDEX `clients_name_key_idx` ON `clients` (`archived_at`,`name_key`);--> statement-breakpoint
CREATE INDEX `clients_created_idx` ON `clients` (`archived_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `clients_updated_idx` ON `clients` (`archived_at`,`updated_at`);--> statement-breakpoint
CREATE INDEX `clients_inn_idx` ON `clients` (`inn`);--> statement-breakpoint
CREATE INDEX `clients_responsible_idx` ON `clients` (`responsible_id`);--> statement-breakpoint
CREATE INDEX `clients_region_idx` ON `clients` (`region`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`name` text NOT NULL,
	`position` text,
	`birthday` text,
	`notes` text,
	`archived_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contacts_client_idx` ON `contacts` (`client_id`);--> statement-breakpoint
CREATE TABLE `custom_fields` (
	`id` text PRIMARY KEY NOT NULL,
	`entity` text NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`options` text DEFAULT '[]' NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`archived_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text
);
--> statement-breakpoint
CREATE TABLE `emails` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`contact_id` text,
	`address` text NOT NULL,
	`address_key` text NOT NULL,
	`label` text,
	`sort` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `emails_key_idx` ON `emails` (`address_key`);--> statement-breakpoint
CREATE INDEX `emails_client_idx` ON `emails` (`client_id`);--> statement-breakpoint
CREATE INDEX `emails_contact_idx` ON `emails` (`contact_id`);--> statement-breakpoint
CREATE TABLE `history` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`contact_id` text,
	`kind` text NOT NULL,
	`direction` text,
	`occurred_at` text NOT NULL,
	`duration_min` integer,
	`text` text NOT NULL,
	`author_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `history_client_idx` ON `history` (`client_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `history_contact_idx` ON `history` (`contact_id`);--> statement-breakpoint
CREATE INDEX `history_author_idx` ON `history` (`author_id`);--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `phones` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`client_id` text NOT NULL,
	`contact_id` text,
	`raw` text NOT NULL,
	`digits` text NOT NULL,
	`label` text,
	`sort` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `phones_id_unique` ON `phones` (`id`);--> statement-breakpoint
CREATE INDEX `phones_digits_idx` ON `phones` (`digits`);--> statement-breakpoint
CREATE INDEX `phones_client_idx` ON `phones` (`client_id`);--> statement-breakpoint
CREATE INDEX `phones_contact_idx` ON `phones` (`contact_id`);--> statement-breakpoint
CREATE TABLE `tags` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`color` text DEFAULT '#868e96' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tags_name_idx` ON `tags` (`name`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`color` text DEFAULT '#4c6ef5' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text
);
