-- Built-in task types (names shown translated by their code; a user may rename,
-- recolour, reorder, archive them or add new ones).
INSERT INTO task_types (id, code, name, color, sort, created_at, updated_at) VALUES
  ('tasktype-call', 'call', 'Звонок', '#2f9e44', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('tasktype-meeting', 'meeting', 'Встреча', '#f08c00', 2, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('tasktype-email', 'email', 'Письмо', '#2f6fdf', 3, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('tasktype-showing', 'showing', 'Показ', '#ae3ec9', 4, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('tasktype-document', 'document', 'Документы', '#1098ad', 5, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('tasktype-other', 'other', 'Другое', '#868e96', 6, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
--> statement-breakpoint
-- "Birthdays this week" looks birthdays up by month and day ('MM-DD').
CREATE INDEX clients_birthday_md_idx ON clients (substr(birthday, 6, 5)) WHERE birthday IS NOT NULL AND archived_at IS NULL;
--> statement-breakpoint
CREATE INDEX contacts_birthday_md_idx ON contacts (substr(birthday, 6, 5)) WHERE birthday IS NOT NULL AND archived_at IS NULL;
