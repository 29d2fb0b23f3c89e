CREATE TABLE `import_batch_items` (
	`batch_id` text NOT NULL,
	`n` integer NOT NULL,
	`entity` text NOT NULL,
	`record_id` text NOT NULL,
	`action` text NOT NULL,
	`previous` text,
	PRIMARY KEY(`batch_id`, `n`),
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `import_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`entity` text NOT NULL,
	`file_name` text NOT NULL,
	`created` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`skipped` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	`undone_at` text,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `import_batches_created_idx` ON `import_batches` (`created_at`);--> statement-breakpoint
CREATE TABLE `import_mappings` (
	`id` text PRIMARY KEY NOT NULL,
	`entity` text NOT NULL,
	`name` text,
	`layout` text,
	`mapping` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_mappings_name_idx` ON `import_mappings` (`entity`,`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `import_mappings_layout_idx` ON `import_mappings` (`entity`,`layout`);