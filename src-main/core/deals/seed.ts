import type Database from 'better-sqlite3';
import { generateKeyBetween } from 'fractional-indexing';
import { newId } from '../ids';
import { mulberry32 } from '../seed/generator';
import { SOURCES } from '../seed/vocabulary';
import { lineTotal } from '../../shared/money';
import { nameKey } from '../text/fold';
import type { Stage as StageTable } from '../db/schema';

// Demo and benchmark deals over the workspace's clients, pipelines and managers, each
// with a plausible path through the stages (stage changes and history entries).

const TITLES = [
  'Поставка оборудования', 'Продажа квартиры', 'Аренда офиса', 'Рекламная кампания', 'Разработка сайта', 'Обслуживание',
  'Ремонт помещения', 'Продажа склада', 'Аренда торговой площади', 'Наружная реклама', 'Консультация юриста', 'Оценка объекта',
  'Годовой контракт', 'Пробная партия', 'Продажа дома', 'Сопровождение сделки',
];
const LINES = ['Консультация', 'Выезд специалиста', 'Подготовка документов', 'Баннер 3×6', 'Монтаж', 'Лицензия', 'Доставка', 'Абонентское обслуживание'];

export interface SeedDealsOptions {
  deals: number;
  seed?: number;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}

type Stage = Pick<StageTable, 'id' | 'kind' | 'normDays'>;

const DAY = 86_400_000;

export function seedDeals(sqlite: Database.Database, opts: SeedDealsOptions): { deals: number } {
  if (opts.deals <= 0) return { deals: 0 };
  const rng = mulberry32(opts.seed ?? Date.now());
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
  const nowMs = (opts.now ?? new Date()).getTime();
  const ids = (sql: string) => sqlite.prepare<[], { id: string }>(sql).all().map((r) => r.id);
  const clientIds = ids('SELECT id FROM clients WHERE archived_at IS NULL');
  if (clientIds.length === 0) return { deals: 0 };
  const userIds = ids('SELECT id FROM users WHERE active = 1');
  const reasonIds = ids('SELECT id FROM lost_reasons WHERE archived_at IS NULL');
  const stagesOf = sqlite.prepare<[string], Stage>(
    `SELECT id, kind, norm_days AS normDays FROM stages WHERE pipeline_id = ? AND archived_at IS NULL ORDER BY kind != 'open', kind, position`,
  );
  const pipelines = ids('SELECT id FROM pipelines WHERE archived_at IS NULL ORDER BY position').map((id) => ({ id, stages: stagesOf.all(id) }));
  const lastKey = new Map<string, string | null>();
  const keyAfter = (stageId: string) => {
    if (!lastKey.has(stageId)) {
      lastKey.set(stageId, sqlite.prepare<[string], { p: string | null }>('SELECT max(position) AS p FROM deals WHERE stage_id = ?').get(stageId)?.p ?? null);
    }
    const key = generateKeyBetween(lastKey.get(stageId) ?? null, null);
    lastKey.set(stageId, key);
    return key;
  };
  const st = {
    deal: sqlite.prepare(
      `INSERT INTO deals (id, title, title_key, client_id, pipeline_id, stage_id, stage_entered_at, amount_kopecks, currency, responsible_id, source,
         expected_close, closed_at, lost_reason_id, position, created_at, updated_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'RUB', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    line: sqlite.prepare('INSERT INTO deal_lines (id, deal_id, name, quantity_milli, price_kopecks, position) VALUES (?, ?, ?, ?, ?, ?)'),
    change: sqlite.prepare('INSERT INTO deal_stage_changes (id, deal_id, from_stage_id, to_stage_id, at, by_id) VALUES (?, ?, ?, ?, ?, ?)'),
    history: sqlite.prepare(
      `INSERT INTO history (id, client_id, deal_id, kind, occurred_at, text, event, event_data, author_id, created_at, updated_at, created_by)
       VALUES (?, ?, ?, 'system', ?, '', ?, ?, ?, ?, ?, ?)`,
    ),
  };

  const one = () => {
    const pipeline = pick(pipelines);
    const open = pipeline.stages.filter((s) => s.kind === 'open');
    if (open.length === 0) return;
    const r = rng();
    const outcome = r < 0.6 ? 'open' : r < 0.82 ? 'won' : 'lost';
    // Open deals stop at some open stage; closed ones walk part of the way first.
    const reach = outcome === 'won' ? open.length : 1 + Math.floor(rng() * open.length);
    const path: Stage[] = open.slice(0, reach);
    if (outcome !== 'open') path.push(pipeline.stages.find((s) => s.kind === outcome)!);
    // Walk back from "now" so every step lies in the past.
    const times: number[] = [];
    let t = nowMs - Math.floor(rng() * 20 * DAY);
    for (let i = path.length - 1; i >= 0; i--) {
      times.unshift(t);
      const norm = path[i - 1]?.normDays ?? 5;
      t -= Math.floor((0.3 + rng() * 1.5) * norm * DAY);
    }
    const id = newId();
    const clientId = pick(clientIds);
    const by = userIds.length ? pick(userIds) : null;
    const title = pick(TITLES);
    const lines = rng() < 0.3 ? Array.from({ length: 1 + Math.floor(rng() * 3) }, () => ({ name: pick(LINES), q: (1 + Math.floor(rng() * 10)) * 1000, p: (5 + Math.floor(rng() * 500)) * 10000 })) : [];
    const amount = lines.length ? lines.reduce((s, l) => s + lineTotal(l.q, l.p), 0) : (1 + Math.floor(rng() * 500)) * 1_000_000;
    const created = new Date(times[0]!).toISOString();
    const final = path[path.length - 1]!;
    const enteredAt = new Date(times[times.length - 1]!).toISOString();
    const expected = new Date(times[0]! + (30 + Math.floor(rng() * 150)) * DAY).toISOString().slice(0, 10);
    st.deal.run(
      id, title, nameKey(title), clientId, pipeline.id, final.id, enteredAt, amount, by, pick(SOURCES), expected,
      outcome === 'open' ? null : enteredAt, outcome === 'lost' && reasonIds.length ? pick(reasonIds) : null, keyAfter(final.id), created, enteredAt, by,
    );
    lines.forEach((l, i) => st.line.run(newId(), id, l.name, l.q, l.p, i));
    path.forEach((s, i) => st.change.run(newId(), id, path[i - 1]?.id ?? null, s.id, new Date(times[i]!).toISOString(), by));
    const about = JSON.stringify({ title });
    st.history.run(newId(), clientId, id, created, 'deal_created', about, by, created, created, by);
    if (outcome !== 'open') st.history.run(newId(), clientId, id, enteredAt, `deal_${outcome}`, about, by, enteredAt, enteredAt, by);
  };

  const CHUNK = 5000;
  const chunk = sqlite.transaction((n: number) => {
    for (let i = 0; i < n; i++) one();
  });
  let done = 0;
  while (done < opts.deals) {
    const n = Math.min(CHUNK, opts.deals - done);
    chunk(n);
    done += n;
    opts.onProgress?.(done, opts.deals);
  }
  return { deals: done };
}
