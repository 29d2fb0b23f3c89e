CREATE TABLE `deal_custom_values` (
	`deal_id` text NOT NULL,
	`field_id` text NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY(`deal_id`, `field_id`),
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`field_id`) REFERENCES `custom_fields`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `dcv_field_value_idx` ON `deal_custom_values` (`field_id`,`value`);--> statement-breakpoint
CREATE TABLE `deal_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`deal_id` text NOT NULL,
	`name` text NOT NULL,
	`quantity_milli` integer NOT NULL,
	`price_kopecks` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `deal_lines_deal_idx` ON `deal_lines` (`deal_id`,`position`);--> statement-breakpoint
CREATE TABLE `deal_stage_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`deal_id` text NOT NULL,
	`from_stage_id` text,
	`to_stage_id` text NOT NULL,
	`at` text NOT NULL,
	`by_id` text,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`from_stage_id`) REFERENCES `stages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_stage_id`) REFERENCES `stages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `deal_stage_changes_deal_idx` ON `deal_stage_changes` (`deal_id`,`at`);--> statement-breakpoint
CREATE INDEX `deal_stage_changes_to_idx` ON `deal_stage_changes` (`to_stage_id`,`at`);--> statement-breakpoint
CREATE TABLE `deals` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`title_key` text NOT NULL,
	`client_id` text NOT NULL,
	`client_name_key` text,
	`contact_id` text,
	`pipeline_id` text NOT NULL,
	`stage_id` text NOT NULL,
	`stage_entered_at` text NOT NULL,
	`amount_kopecks` integer DEFAULT 0 NOT NULL,
	`currency` text DEFAULT 'RUB' NOT NULL,
	`responsible_id` text,
	`source` text,
	`expected_close` text,
	`description` text,
	`closed_at` text,
	`lost_reason_id` text,
	`lost_comment` text,
	`position` text NOT NULL,
	`archived_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`pipeline_id`) REFERENCES `pipelines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stage_id`) REFERENCES `stages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responsible_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`lost_reason_id`) REFERENCES `lost_reasons`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `deals_board_idx` ON `deals` (`stage_id`,`archived_at`,`position`);--> statement-breakpoint
CREATE INDEX `deals_totals_idx` ON `deals` (`pipeline_id`,`archived_at`,`stage_id`,`amount_kopecks`,`responsible_id`,`source`,`client_id`);--> statement-breakpoint
CREATE INDEX `deals_client_idx` ON `deals` (`client_id`);--> statement-breakpoint
CREATE INDEX `deals_responsible_idx` ON `deals` (`responsible_id`);--> statement-breakpoint
CREATE INDEX `deals_source_idx` ON `deals` (`source`);--> statement-breakpoint
CREATE INDEX `deals_close_idx` ON `deals` (`pipeline_id`,`expected_close`);--> statement-breakpoint
CREATE TABLE `lost_reasons` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`archived_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text
);
--> statement-breakpoint
CREATE TABLE `pipelines` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`archived_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text
);
--> statement-breakpoint
CREATE TABLE `stages` (
	`id` text PRIMARY KEY NOT NULL,
	`pipeline_id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`color` text DEFAULT '#4c6ef5' NOT NULL,
	`probability` integer DEFAULT 0 NOT NULL,
	`norm_days` integer,
	`position` integer DEFAULT 0 NOT NULL,
	`archived_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`pipeline_id`) REFERENCES `pipelines`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `stages_pipeline_idx` ON `stages` (`pipeline_id`,`position`);--> statement-breakpoint
ALTER TABLE `history` ADD `deal_id` text REFERENCES deals(id);--> statement-breakpoint
CREATE INDEX `history_deal_idx` ON `history` (`deal_id`,`occurred_at`);