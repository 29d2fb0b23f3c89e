-- Full-text search over clients, kept in sync by triggers.
-- One contentless FTS row per client (rowid = clients.seq, a stable rowid alias) so
-- a query whose words hit different places (the company name and a contact's
-- surname) still matches. unicode61 folds Cyrillic case but not ё: ё is folded to е
-- here and in queries.
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
    coalesce((SELECT group_concat(e.address_key, ' ') FROM emails e WHERE e.client_id = c.id), ''),
  'ё', 'е'), 'Ё', 'Е') AS extra
FROM clients c;
--> statement-breakpoint
CREATE VIRTUAL TABLE client_fts USING fts5(
  name, extra,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);
--> statement-breakpoint
CREATE TRIGGER clients_fts_insert AFTER INSERT ON clients BEGIN
  INSERT INTO client_fts(rowid, name, extra) SELECT seq, name, extra FROM client_fts_source WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER clients_fts_update AFTER UPDATE OF name, full_name, last_name, first_name, middle_name, inn, ogrn ON clients BEGIN
  DELETE FROM client_fts WHERE rowid = old.seq;
  INSERT INTO client_fts(rowid, name, extra) SELECT seq, name, extra FROM client_fts_source WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER clients_fts_delete AFTER DELETE ON clients BEGIN
  DELETE FROM client_fts WHERE rowid = old.seq;
END;
--> statement-breakpoint
CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
  DELETE FROM client_fts WHERE rowid = (SELECT seq FROM clients WHERE id = new.client_id);
  INSERT INTO client_fts(rowid, name, extra) SELECT seq, name, extra FROM client_fts_source WHERE id = new.client_id;
END;
--> statement-breakpoint
CREATE TRIGGER contacts_fts_update AFTER UPDATE OF name, client_id, archived_at ON contacts BEGIN
  DELETE FROM client_fts WHERE rowid IN (SELECT seq FROM clients WHERE id IN (old.client_id, new.client_id));
  INSERT INTO client_fts(rowid, name, extra) SELECT seq, name, extra FROM client_fts_source WHERE id IN (old.client_id, new.client_id);
END;
--> statement-breakpoint
CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
  DELETE FROM client_fts WHERE rowid = (SELECT seq FROM clients WHERE id = old.client_id);
  INSERT INTO client_fts(rowid, name, extra) SELECT seq, name, extra FROM client_fts_source WHERE id = old.client_id;
END;
--> statement-breakpoint
CREATE TRIGGER emails_fts_insert AFTER INSERT ON emails BEGIN
  DELETE FROM client_fts WHERE rowid = (SELECT seq FROM clients WHERE id = new.client_id);
  INSERT INTO client_fts(rowid, name, extra) SELECT seq, name, extra FROM client_fts_source WHERE id = new.client_id;
END;
--> statement-breakpoint
CREATE TRIGGER emails_fts_update AFTER UPDATE OF address_key, client_id ON emails BEGIN
  DELETE FROM client_fts WHERE rowid IN (SELECT seq FROM clients WHERE id IN (old.client_id, new.client_id));
  INSERT INTO client_fts(rowid, name, extra) SELECT seq, name, extra FROM client_fts_source WHERE id IN (old.client_id, new.client_id);
END;
--> statement-breakpoint
CREATE TRIGGER emails_fts_delete AFTER DELETE ON emails BEGIN
  DELETE FROM client_fts WHERE rowid = (SELECT seq FROM clients WHERE id = old.client_id);
  INSERT INTO client_fts(rowid, name, extra) SELECT seq, name, extra FROM client_fts_source WHERE id = old.client_id;
END;
--> statement-breakpoint
-- Substring search over phone digits ("45-67" finds +7 495 123-45-67): a trigram
-- index over phones.digits, external content keyed by phones.seq, synced by triggers.
CREATE VIRTUAL TABLE phone_fts USING fts5(digits, content = 'phones', content_rowid = 'seq', tokenize = 'trigram');
--> statement-breakpoint
CREATE TRIGGER phones_fts_insert AFTER INSERT ON phones BEGIN
  INSERT INTO phone_fts(rowid, digits) VALUES (new.seq, new.digits);
END;
--> statement-breakpoint
CREATE TRIGGER phones_fts_update AFTER UPDATE OF digits ON phones BEGIN
  INSERT INTO phone_fts(phone_fts, rowid, digits) VALUES ('delete', old.seq, old.digits);
  INSERT INTO phone_fts(rowid, digits) VALUES (new.seq, new.digits);
END;
--> statement-breakpoint
CREATE TRIGGER phones_fts_delete AFTER DELETE ON phones BEGIN
  INSERT INTO phone_fts(phone_fts, rowid, digits) VALUES ('delete', old.seq, old.digits);
END;
