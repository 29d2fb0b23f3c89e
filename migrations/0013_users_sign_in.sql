CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`address` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `sign_in_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`login_key` text NOT NULL,
	`at` text NOT NULL,
	`address` text,
	`locks_until` text
);
--> statement-breakpoint
CREATE INDEX `sign_in_failures_login_idx` ON `sign_in_failures` (`login_key`,`at`);--> statement-breakpoint
ALTER TABLE `users` ADD `login` text;--> statement-breakpoint
ALTER TABLE `users` ADD `login_key` text;--> statement-breakpoint
ALTER TABLE `users` ADD `password_hash` text;--> statement-breakpoint
ALTER TABLE `users` ADD `role` text DEFAULT 'manager' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `last_login_at` text;--> statement-breakpoint
CREATE UNIQUE INDEX `users_login_key_idx` ON `users` (`login_key`);--> statement-breakpoint
-- Issue 13: the workspace's first user (the one every action was attributed to) is its owner,
-- with the login «admin» (no password: nobody can sign in with it until one is set).
UPDATE `users` SET `role` = 'owner', `login` = 'admin', `login_key` = 'admin' WHERE `id` = (SELECT `id` FROM `users` ORDER BY `created_at`, `id` LIMIT 1);
