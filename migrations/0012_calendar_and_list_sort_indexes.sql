-- Written by hand (expression and partial covering indexes). Issue 10.
-- Calendar: a day's tasks counted and paged from the index alone (core/tasks/calendar.ts):
-- live tasks by start, for everyone and per assignee, with the type in the key for the type
-- filter. archived_at (always NULL here) is in the key too: without it SQLite reads every
-- task's row to check the partial index's own condition, and a day's count is no longer index-only.
CREATE INDEX `tasks_calendar_idx` ON `tasks` (`starts_at`, `all_day`, `type_id`, `assignee_id`, `archived_at`) WHERE archived_at IS NULL;
--> statement-breakpoint
CREATE INDEX `tasks_calendar_assignee_idx` ON `tasks` (`assignee_id`, `starts_at`, `all_day`, `type_id`, `archived_at`) WHERE archived_at IS NULL;
--> statement-breakpoint
-- Calendar of one person: the birthdays of the clients they are responsible for, by month-day.
CREATE INDEX `clients_birthday_responsible_md_idx` ON `clients` (`responsible_id`, substr(birthday, 6, 5)) WHERE birthday IS NOT NULL AND archived_at IS NULL;
--> statement-breakpoint
-- Client list sorted by ИНН or by responsible (core/clients/list-sort.ts): each segment of the order is one index range.
CREATE INDEX `clients_list_inn_idx` ON `clients` (`archived_at`, `inn`);
--> statement-breakpoint
CREATE INDEX `clients_list_responsible_idx` ON `clients` (`archived_at`, `responsible_id`);
