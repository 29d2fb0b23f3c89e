CREATE INDEX `deals_list_updated_idx` ON `deals` (`updated_at`,`id`) WHERE archived_at IS NULL;--> statement-breakpoint
CREATE INDEX `deals_list_created_idx` ON `deals` (`created_at`,`id`) WHERE archived_at IS NULL;--> statement-breakpoint
CREATE INDEX `deals_list_title_idx` ON `deals` (`title_key`,`id`) WHERE archived_at IS NULL;--> statement-breakpoint
CREATE INDEX `deals_list_amount_idx` ON `deals` (`amount_kopecks`,`id`) WHERE archived_at IS NULL;--> statement-breakpoint
CREATE INDEX `deals_list_client_idx` ON `deals` (`client_name_key`,`id`) WHERE archived_at IS NULL;--> statement-breakpoint
-- Written by hand (drizzle-kit cannot generate expression indexes): the list's expected-close order, SORT_SQL.expectedClose in core/deals/list.ts.
CREATE INDEX `deals_list_close_idx` ON `deals` (coalesce(expected_close, '9999'), `id`) WHERE archived_at IS NULL;
