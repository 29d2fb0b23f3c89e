-- Default pipelines, stages and lost reasons (Russian names), for new workspaces and existing ones alike.
-- Fixed ids: the same defaults in every workspace, so they can be recognised later.
--> statement-breakpoint
INSERT INTO pipelines (id, name, position, created_at, updated_at) VALUES ('01a209ba-107f-75f8-9899-6843c98bd323', 'Продажа', 0, strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'));
--> statement-breakpoint
INSERT INTO stages (id, pipeline_id, name, kind, color, probability, norm_days, position, created_at, updated_at) VALUES ('01a209ba-107f-75f8-9899-6fe3fdc242c7', '01a209ba-107f-75f8-9899-6843c98bd323', 'Новая заявка', 'open', '#4c6ef5', 10, 3, 0, strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'));
--> statement-breakpoint
INSERT INTO stages (id, pipeline_id, name, kind, color, probability, norm_days, position, created_at, updated_at) VALUES ('01a209ba-107f-75f8-9899-7121b4b4b4ff', '01a209ba-107f-75f8-9899-6843c98bd323', 'Квалификация', 'open', '#15aabf', 20, 5, 1, strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'));
--> statement-breakpoint
INSERT INTO stages (id, pipeline_id, name, kind, color, probability, norm_days, position, created_at, updated_at) VALUES ('01a209ba-107f-75f8-9899-747ce2df20ef', '01a209ba-107f-75f8-9899-6843c98bd323', 'Коммерческое предложение', 'open', '#fab005', 50, 7, 2, strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'));
--> statement-breakpoint
INSERT INTO stages (id, pipeline_id, name, kind, color, probability, norm_days, position, created_at, updated_at) VALUES ('01a209ba-107f-75f8-9899-78da71f7792b', '01a209ba-107f-75f8-9899-6843c98bd323', 'Переговоры', 'open', '#fd7e14', 70, 7, 3, strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'));
--> statement-breakpoint
INSERT INTO stages (id, pipeline_id, name, kind, color, probability, norm_days, position, created_at, updated_at) VALUES ('01a209ba-107f-75f8-9899-7dadc32bcb87', '01a209ba-107f-75f8-9899-6843c98bd323', 'Договор', 'open', '#7950f2', 90, 5, 4, strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'));
--> statement-breakpoint
INSERT INTO stages (id, pipeline_id, name, kind, color, probability, norm_days, position, created_at, updated_at) VALUES ('01a209ba-107f-75f8-9899-804aeceda855', '01a209ba-107f-75f8-9899-6843c98bd323', 'Успешно', 'won', '#40c057', 100, NULL, 5, strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'));
--> statement-breakpoint
INSERT INTO stages (id, pipeline_id, name, kind, color, probability, norm_days, position, created_at, updated_at) VALUES ('01a209ba-107f-75f8-9899-87be841c31b1', '01a209ba-107f-75f8-9899-6843c98bd323', 'Провалено', 'lost', '#868e96', 0, NULL, 6, strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'));
--> statement-breakpoint
INSERT INTO pipelines (id, name, position, created_at, updated_at) VALUES ('01a209ba-107f-75f8-9899-8b8d036c3ad8', 'Аренда', 1, strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'));
--> statement-breakpoint
INSERT INTO stages (id, pipeline_id, name, kind, color, probability, norm_days, position, created_at, updated_at) VALUES ('01a209ba-107f-75f8-9899-8f020e566445', '01a209ba-107f-75f8-9899-8b8d036c3ad8', 'Заявка', 'open', '#4c6ef5', 10, 2, 0, strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'));
--> statement-breakpoint
INSERT INTO stages (id, pipeline_id, name, kind, color, probability, norm_days, position, created_at, updated_at) VALUES ('01a209ba-107f-75f8-9899-92a011da0a20', '01a209ba-107f-75f8-9899-8b8d036c3ad8', 'Показ', 'open', '#15aabf', 30, 7, 1, strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'));
--> statement-breakpoint
INSERT INTO stages (id, pipeline_id, name, kind, color, probability, norm_days, position, created_at, updated_at) VALUES ('01a209ba-107f-75f8-9899-951fdedf2a29', '01a209ba-107f-75f8-9899-8b8d036c3ad8', 'Согласование условий', 'open', '#fab005', 60, 7, 2, strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'));
--> statement-breakpoint
INSERT INTO stages (id, pipeline_id, name, kind, color, probability, norm_days, position, created_at, updated_at) VALUES ('01a209ba-107f-75f8-9899-9855c28e67dd', '01a209ba-107f-75f8-9899-8b8d036c3ad8', 'Договор аренды', 'open', '#7950f2', 90, 5, 3, strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'));
--> statement-breakpoint
INSERT INTO stages (id, pipeline_id, name, kind, color, probability, norm_days, position, created_at, updated_at) VALUES ('01a209ba-107f-75f8-9899-9c1b1bab8e0a', '01a209ba-107f-75f8-9899-8b8d036c3ad8', 'Сдано', 'won', '#40c057', 100, NULL, 4, strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'));
--> statement-breakpoint
INSERT INTO stages (id, pipeline_id, name, kind, color, probability, norm_days, position, created_at, updated_at) VALUES ('01a209ba-1080-7359-ac6b-592778d9c209', '01a209ba-107f-75f8-9899-8b8d036c3ad8', 'Отказ', 'lost', '#868e96', 0, NULL, 5, strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'));
--> statement-breakpoint
INSERT INTO pipelines (id, name, position, created_at, updated_at) VALUES ('01a209ba-1080-7359-ac6b-5eaad9f94dca', 'Услуги', 2, strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'));
--> statement-breakpoint
INSERT INTO stages (id, pipeline_id, name, kind, color, probability, norm_days, position, created_at, updated_at) VALUES ('01a209ba-1080-7359-ac6b-60900d12c64e', '01a209ba-1080-7359-ac6b-5eaad9f94dca', 'Заявка', 'open', '#4c6ef5', 10, 2, 0, strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'));
--> statement-breakpoint
INSERT INTO stages (id, pipeline_id, name, kind, color, probability, norm_days, position, created_at, updated_at) VALUES ('01a209ba-1080-7359-ac6b-65ee98e6855e', '01a209ba-1080-7359-ac6b-5eaad9f94dca', 'Оценка', 'open', '#15aabf', 30, 5, 1, strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'));
--> statement-breakpoint
INSERT INTO stages (id, pipeline_id, name, kind, color, probability, norm_days, position, created_at, updated_at) VALUES ('01a209ba-1080-7359-ac6b-6b392496aed8', '01a209ba-1080-7359-ac6b-5eaad9f94dca', 'Счёт выставлен', 'open', '#fab005', 70, 7, 2, strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'));
--> statement-breakpoint
INSERT INTO stages (id, pipeline_id, name, kind, color, probability, norm_days, position, created_at, updated_at) VALUES ('01a209ba-1080-7359-ac6b-6d6c6ee0f98f', '01a209ba-1080-7359-ac6b-5eaad9f94dca', 'В работе', 'open', '#7950f2', 90, 14, 3, strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'));
--> statement-breakpoint
INSERT INTO stages (id, pipeline_id, name, kind, color, probability, norm_days, position, created_at, updated_at) VALUES ('01a209ba-1080-7359-ac6b-73ecbec225de', '01a209ba-1080-7359-ac6b-5eaad9f94dca', 'Выполнено', 'won', '#40c057', 100, NULL, 4, strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'));
--> statement-breakpoint
INSERT INTO stages (id, pipeline_id, name, kind, color, probability, norm_days, position, created_at, updated_at) VALUES ('01a209ba-1080-7359-ac6b-75580a887157', '01a209ba-1080-7359-ac6b-5eaad9f94dca', 'Отказ', 'lost', '#868e96', 0, NULL, 5, strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'));
--> statement-breakpoint
INSERT INTO lost_reasons (id, name, position, created_at, updated_at) VALUES ('01a209ba-1080-7359-ac6b-7940efc01207', 'Дорого', 0, strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'));
--> statement-breakpoint
INSERT INTO lost_reasons (id, name, position, created_at, updated_at) VALUES ('01a209ba-1080-7359-ac6b-7f7590f14473', 'Выбрали конкурента', 1, strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'));
--> statement-breakpoint
INSERT INTO lost_reasons (id, name, position, created_at, updated_at) VALUES ('01a209ba-1080-7359-ac6b-823cd0d0e71b', 'Не выходит на связь', 2, strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'));
--> statement-breakpoint
INSERT INTO lost_reasons (id, name, position, created_at, updated_at) VALUES ('01a209ba-1080-7359-ac6b-85a1e51fb4e1', 'Нет потребности', 3, strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'));
--> statement-breakpoint
INSERT INTO lost_reasons (id, name, position, created_at, updated_at) VALUES ('01a209ba-1080-7359-ac6b-8bcc14c69f12', 'Не подошли сроки', 4, strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'));
--> statement-breakpoint
INSERT INTO lost_reasons (id, name, position, created_at, updated_at) VALUES ('01a209ba-1080-7359-ac6b-8f1cc03f87e6', 'Другое', 5, strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'));
--> statement-breakpoint
-- deals.client_name_key mirrors clients.name_key so the board's text filter reads deal rows alone.
CREATE TRIGGER deals_client_name_key_ai AFTER INSERT ON deals BEGIN
  UPDATE deals SET client_name_key = (SELECT name_key FROM clients WHERE id = NEW.client_id) WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER deals_client_name_key_au AFTER UPDATE OF client_id ON deals BEGIN
  UPDATE deals SET client_name_key = (SELECT name_key FROM clients WHERE id = NEW.client_id) WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER clients_name_key_to_deals_au AFTER UPDATE OF name_key ON clients BEGIN
  UPDATE deals SET client_name_key = NEW.name_key WHERE client_id = NEW.id;
END;
