-- The activity report counts each manager's history entries of a period: led by the
-- author, each manager's entries are one range of this index, read alone and in the
-- order the report groups them (led by the date, as history_activity_idx was, a year's
-- entries had to be sorted by author first). It replaces that index, which only the
-- activity report read.
DROP INDEX `history_activity_idx`;
--> statement-breakpoint
CREATE INDEX `history_author_activity_idx` ON `history` (`author_id`, `occurred_at`, `kind`, `direction`, `client_id`) WHERE kind != 'system';
