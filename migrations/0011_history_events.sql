ALTER TABLE `history` ADD `event` text;--> statement-breakpoint
ALTER TABLE `history` ADD `event_data` text;--> statement-breakpoint
-- System entries used to encode their event in the text ('deal_won:<title>', 'merged:<name>',
-- 'archived'); they move to event + event_data, and their text becomes empty. The code
-- never contains ':', so everything after the first ':' is the argument (titles may hold ':').
UPDATE history
   SET event = substr(text, 1, instr(text, ':') - 1),
       event_data = json_object('title', substr(text, instr(text, ':') + 1)),
       text = ''
 WHERE kind = 'system' AND substr(text, 1, instr(text, ':') - 1) IN ('deal_created', 'deal_won', 'deal_lost', 'deal_reopened');
--> statement-breakpoint
UPDATE history
   SET event = substr(text, 1, instr(text, ':') - 1),
       event_data = json_object('name', substr(text, instr(text, ':') + 1)),
       text = ''
 WHERE kind = 'system' AND substr(text, 1, instr(text, ':') - 1) IN ('merged', 'merged_into', 'congratulated');
--> statement-breakpoint
UPDATE history SET event = text, text = '' WHERE kind = 'system' AND text IN ('archived', 'restored');
