CREATE TABLE `plans` (
	`id` text PRIMARY KEY NOT NULL,
	`manager_id` text NOT NULL,
	`month` text NOT NULL,
	`amount_kopecks` integer NOT NULL,
	`currency` text DEFAULT 'RUB' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`manager_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plans_manager_month_idx` ON `plans` (`manager_id`,`month`,`currency`);--> statement-breakpoint
CREATE TABLE `report_presets` (
	`id` text PRIMARY KEY NOT NULL,
	`report` text NOT NULL,
	`name` text NOT NULL,
	`query` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_presets_name_idx` ON `report_presets` (`report`,`name`);--> statement-breakpoint
CREATE TABLE `source_costs` (
	`id` text PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`month` text NOT NULL,
	`amount_kopecks` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `source_costs_source_month_idx` ON `source_costs` (`source`,`month`);