-- Indexes the reports read alone, without each row. Each ends with archived_at: the
-- statements say `archived_at IS NULL` (it is what lets the planner pick a partial index),
-- and an index lacking a column the statement names is not covering, even when its own
-- WHERE makes that column NULL — the row is read anyway.
--
-- Base audit: every flag it counts from one narrow index of the clients in use (the
-- summaries in it are kept by the triggers of 0016).
CREATE INDEX `clients_audit_idx` ON `clients` (`phone_count`, `email_count`, `responsible_id`, `kind`, `inn`, `ogrn`, `created_at`, `last_contact_at`, `id`, `archived_at`) WHERE archived_at IS NULL;
--> statement-breakpoint
-- Won and lost deals by the date they closed, with what the reports sum and group by:
-- sales (its count of distinct deals too), lost reasons, ABC, churn, activity and the
-- drill-down's totals.
DROP INDEX `deals_closed_idx`;
--> statement-breakpoint
CREATE INDEX `deals_closed_idx` ON `deals` (`stage_id`, `closed_at`, `currency`, `amount_kopecks`, `responsible_id`, `client_id`, `pipeline_id`, `source`, `lost_reason_id`, `id`, `archived_at`) WHERE archived_at IS NULL;
--> statement-breakpoint
-- Deals by the date they were created, with the same: sources, the funnel's cohort, the
-- activity's «deals created», the dashboard's «new deals this week».
CREATE INDEX `deals_created_report_idx` ON `deals` (`created_at`, `stage_id`, `pipeline_id`, `source`, `responsible_id`, `currency`, `amount_kopecks`, `client_id`, `closed_at`, `id`, `archived_at`) WHERE archived_at IS NULL;
--> statement-breakpoint
-- Activity's tasks done in the period: 0016's index plus archived_at, so it is read alone.
DROP INDEX `tasks_done_report_idx`;
--> statement-breakpoint
CREATE INDEX `tasks_done_report_idx` ON `tasks` (`done_at`, `assignee_id`, `all_day`, `deadline_at`, `spent_minutes`, `created_by`, `archived_at`) WHERE done_at IS NOT NULL AND archived_at IS NULL;
