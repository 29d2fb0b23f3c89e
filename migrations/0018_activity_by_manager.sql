-- The activity report counts each manager's history entries of a period: led by the
-- author, each manager's entries are one range of this index, read alone and in the
-- order the report groups them (led by the date, as history_activity_idx was, a year's
-- entries had to be sorted by author first). It replaces that index, which only the
-- activity report read.
DROP INDEX `history_activity_idx`;
--> statement-breakpoint
CREATE INDEX `history_author_activity_idx` ON `history` (`author_id`, `occurred_at`, `kind`, `direction`, `client_id`) WHERE kind != 'system';
--> statement-breakpoint
-- The same for the tasks each manager completed in the period: led by the assignee
-- (0017's index was led by the date, and a year's 90,000 done tasks were sorted by
-- assignee). Only the activity report reads it.
DROP INDEX `tasks_done_report_idx`;
--> statement-breakpoint
CREATE INDEX `tasks_done_report_idx` ON `tasks` (`assignee_id`, `done_at`, `all_day`, `deadline_at`, `spent_minutes`, `created_by`, `archived_at`) WHERE done_at IS NOT NULL AND archived_at IS NULL;
