-- Base audit: every flag it counts read from one narrow index of the clients in use, not
-- from each client's whole row (0.67 s → 0.09 s at 200,000 clients). The summaries in it
-- are kept by the triggers of 0016.
CREATE INDEX `clients_audit_idx` ON `clients` (`phone_count`, `email_count`, `responsible_id`, `kind`, `inn`, `ogrn`, `created_at`, `last_contact_at`, `id`) WHERE archived_at IS NULL;
--> statement-breakpoint
-- Won and lost deals by the date they closed, now with what the reports sum and group by
-- (currency, amount, manager, client, pipeline, source): sales, lost reasons, ABC, churn,
-- activity and the drill-down's totals read the index alone instead of each deal's row.
DROP INDEX `deals_closed_idx`;
--> statement-breakpoint
CREATE INDEX `deals_closed_idx` ON `deals` (`stage_id`, `closed_at`, `currency`, `amount_kopecks`, `responsible_id`, `client_id`, `pipeline_id`, `source`) WHERE archived_at IS NULL;
