-- E-mails of a contact person removed from the card no longer find the client.
DROP VIEW client_fts_source;
--> statement-breakpoint
CREATE VIEW client_fts_source AS
SELECT
  c.seq AS seq,
  c.id AS id,
  replace(replace(
    c.name || ' ' || coalesce(c.full_name, '') || ' ' || coalesce(c.last_name, '') || ' ' ||
    coalesce(c.first_name, '') || ' ' || coalesce(c.middle_name, ''),
  'ё', 'е'), 'Ё', 'Е') AS name,
  replace(replace(
    coalesce(c.inn, '') || ' ' || coalesce(c.ogrn, '') || ' ' ||
    coalesce((SELECT group_concat(k.name, ' ') FROM contacts k WHERE k.client_id = c.id AND k.archived_at IS NULL), '') || ' ' ||
    coalesce((SELECT group_concat(e.address_key, ' ') FROM emails e
              WHERE e.client_id = c.id
                AND (e.contact_id IS NULL OR EXISTS (SELECT 1 FROM contacts k WHERE k.id = e.contact_id AND k.archived_at IS NULL))), ''),
  'ё', 'е'), 'Ё', 'Е') AS extra
FROM clients c;
--> statement-breakpoint
-- The sort key now ignores a leading legal form (text/fold.ts sortKey, registered on
-- the connection as ksortkey before migrations run).
UPDATE clients SET name_key = ksortkey(name);
--> statement-breakpoint
INSERT INTO client_fts(client_fts) VALUES ('delete-all');
--> statement-breakpoint
INSERT INTO client_fts(rowid, name, extra) SELECT seq, name, extra FROM client_fts_source;
