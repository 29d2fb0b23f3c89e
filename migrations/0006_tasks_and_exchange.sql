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
CREATE UNIQUE INDEX `import_mappings_layout_idx` ON `import_mappings` (`entity`,`layout`);--> statement-breakpoint
CREATE TABLE `task_reminders` (
	`id` text PRIMARY KEY NOT NULL,
	`task_id` text NOT NULL,
	`minutes_before` integer NOT NULL,
	`fire_at` text NOT NULL,
	`snoozed_until` text,
	`notified_at` text,
	`dismissed_at` text,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `task_reminders_task_idx` ON `task_reminders` (`task_id`);--> statement-breakpoint
CREATE INDEX `task_reminders_pending_idx` ON `task_reminders` (`fire_at`) WHERE dismissed_at IS NULL;--> statement-breakpoint
CREATE TABLE `task_series` (
	`id` text PRIMARY KEY NOT NULL,
	`rrule` text NOT NULL,
	`time_zone` text NOT NULL,
	`template` text NOT NULL,
	`materialized_until` text NOT NULL,
	`ended_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text
);
--> statement-breakpoint
CREATE INDEX `task_series_materialized_idx` ON `task_series` (`ended_at`,`materialized_until`);--> statement-breakpoint
CREATE TABLE `task_series_exceptions` (
	`series_id` text NOT NULL,
	`occurrence` text NOT NULL,
	FOREIGN KEY (`series_id`) REFERENCES `task_series`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `task_series_exceptions_pk` ON `task_series_exceptions` (`series_id`,`occurrence`);--> statement-breakpoint
CREATE TABLE `task_types` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text,
	`name` text NOT NULL,
	`color` text DEFAULT '#4c6ef5' NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`archived_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `task_types_code_idx` ON `task_types` (`code`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`type_id` text NOT NULL,
	`all_day` integer DEFAULT false NOT NULL,
	`starts_at` text NOT NULL,
	`due_at` text,
	`deadline_at` text NOT NULL,
	`duration_min` integer,
	`assignee_id` text,
	`client_id` text,
	`contact_id` text,
	`deal_id` text,
	`priority` text DEFAULT 'normal' NOT NULL,
	`description` text,
	`done_at` text,
	`result` text,
	`spent_minutes` integer,
	`series_id` text,
	`occurrence` text,
	`detached` integer DEFAULT false NOT NULL,
	`external_uid` text,
	`archived_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`type_id`) REFERENCES `task_types`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`series_id`) REFERENCES `task_series`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `tasks_open_deadline_idx` ON `tasks` (`deadline_at`,`all_day`,`id`) WHERE done_at IS NULL AND archived_at IS NULL;--> statement-breakpoint
CREATE INDEX `tasks_open_assignee_deadline_idx` ON `tasks` (`assignee_id`,`deadline_at`,`all_day`,`id`) WHERE done_at IS NULL AND archived_at IS NULL;--> statement-breakpoint
CREATE INDEX `tasks_done_idx` ON `tasks` (`done_at`,`id`) WHERE done_at IS NOT NULL AND archived_at IS NULL;--> statement-breakpoint
CREATE INDEX `tasks_done_assignee_idx` ON `tasks` (`assignee_id`,`done_at`,`id`) WHERE done_at IS NOT NULL AND archived_at IS NULL;--> statement-breakpoint
CREATE INDEX `tasks_starts_idx` ON `tasks` (`starts_at`,`all_day`);--> statement-breakpoint
CREATE INDEX `tasks_assignee_starts_idx` ON `tasks` (`assignee_id`,`starts_at`,`all_day`);--> statement-breakpoint
CREATE INDEX `tasks_client_idx` ON `tasks` (`client_id`,`deadline_at`) WHERE client_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `tasks_contact_idx` ON `tasks` (`contact_id`) WHERE contact_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `tasks_deal_idx` ON `tasks` (`deal_id`,`deadline_at`) WHERE deal_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `tasks_series_idx` ON `tasks` (`series_id`,`occurrence`) WHERE series_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `tasks_external_uid_idx` ON `tasks` (`external_uid`) WHERE external_uid IS NOT NULL;