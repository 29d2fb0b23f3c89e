import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildWorkspace, type Built } from '../../helpers/builders';
import { runImport } from '../../../src-main/core/exchange/run';
import { undoImport } from '../../../src-main/core/exchange/undo';
import { exchangeState } from '../../../src-main/core/exchange/jobs';
import { runReport } from '../../../src-main/core/reports/run';
import { reportQuery } from '../../../src-main/core/reports/types';
import { mulberry32 } from '../../../src-main/core/seed/generator';

// Years of deals from another system: the import keeps when each deal was created and
// closed, creates the managers the file names (when asked), and the reports then say
// what the file says. Expected figures are computed here from the rows written.

let w: Built;
afterEach(() => {
  exchangeState(w.session).files.dispose();
  w.dispose();
});

const MANAGERS = ['Анна Смирнова', 'Борис Котов', 'Вера Лисицына'];
const CLIENTS = ['ООО «Альфа»', 'ООО «Бета»', 'ИП Гаврилов', 'АО «Дельта»'];
interface Row {
  title: string;
  client: string;
  status: 'Успешно' | 'Провалено' | 'Открыта';
  amount: number;
  created: Date;
  closed: Date;
  manager: string;
}

/** 600 deals over 2024–2025, each with its creation date and (closed ones) close date. */
function rowsOfFile(): Row[] {
  const rng = mulberry32(42);
  const rows: Row[] = [];
  for (let i = 0; i < 600; i++) {
    const created = new Date(Date.UTC(2024, 0, 1) + Math.floor(rng() * 700) * 86_400_000);
    const closed = new Date(created.getTime() + Math.floor(rng() * 60) * 86_400_000);
    const r = rng();
    rows.push({
      title: `Сделка ${i + 1}`,
      client: CLIENTS[i % CLIENTS.length]!,
      status: r < 0.5 ? 'Успешно' : r < 0.8 ? 'Провалено' : 'Открыта',
      amount: 1000 + Math.floor(rng() * 500_000) + (i % 100) / 100,
      created,
      closed,
      manager: MANAGERS[i % MANAGERS.length]!,
    });
  }
  return rows;
}

async function writeFile(dir: string, rows: Row[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Сделки');
  ws.addRow(['Сделка', 'Клиент', 'Статус', 'Сумма', 'Дата создания', 'Дата закрытия', 'Менеджер', 'Причина отказа']);
  for (const r of rows) ws.addRow([r.title, r.client, r.status, r.amount, r.created, r.closed, r.manager, r.status === 'Провалено' ? 'Дорого' : null]);
  const path = join(dir, 'amo-export.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

const ymd = (d: Date) => d.toISOString().slice(0, 10);

describe('a deals history imported from another system', () => {
  it('keeps creation and close dates, creates the managers, and the reports agree with the file; undo removes the managers', async () => {
    w = buildWorkspace('2026-03-01T09:00:00.000Z');
    for (const c of CLIENTS) w.client(c);
    w.reason('Дорого');
    const rows = rowsOfFile();
    const path = await writeFile(w.dir, rows);

    // Without --create-users the managers are unknown: a warning per row, no responsible.
    const dry = await runImport(w.session, path, { entity: 'deals', dryRun: true });
    expect(dry.issues.filter((i) => i.code === 'exchange.user_unknown')).toHaveLength(600);

    const r = await runImport(w.session, path, { entity: 'deals', createUsers: true });
    expect(r.created).toBe(600);
    const users = w.call('users.list', {}).map((u) => u.name);
    for (const m of MANAGERS) expect(users).toContain(m);

    // Each deal: created and closed on the file's days, its stage path and timeline dated so.
    const stored = w
      .sqlite()
      .prepare(
        `SELECT d.title, d.created_at AS createdAt, d.closed_at AS closedAt, u.name AS manager, s.kind,
           (SELECT min(at) FROM deal_stage_changes c WHERE c.deal_id = d.id) AS firstChange,
           (SELECT max(at) FROM deal_stage_changes c WHERE c.deal_id = d.id) AS lastChange,
           (SELECT group_concat(h.event || '@' || substr(h.occurred_at, 1, 10)) FROM history h WHERE h.deal_id = d.id) AS events
         FROM deals d JOIN stages s ON s.id = d.stage_id LEFT JOIN users u ON u.id = d.responsible_id`,
      )
      .all() as { title: string; createdAt: string; closedAt: string | null; manager: string; kind: string; firstChange: string; lastChange: string; events: string }[];
    const byTitle = new Map(stored.map((s) => [s.title, s]));
    for (const row of rows) {
      const s = byTitle.get(row.title)!;
      expect(s.manager).toBe(row.manager);
      expect(s.createdAt.slice(0, 10)).toBe(ymd(row.created));
      expect(s.firstChange.slice(0, 10)).toBe(ymd(row.created));
      expect(s.events).toContain(`deal_created@${ymd(row.created)}`);
      if (row.status === 'Открыта') {
        expect(s.kind).toBe('open');
        expect(s.closedAt).toBeNull();
      } else {
        expect(s.kind).toBe(row.status === 'Успешно' ? 'won' : 'lost');
        expect(s.closedAt!.slice(0, 10)).toBe(ymd(row.closed));
        expect(s.lastChange.slice(0, 10)).toBe(ymd(row.closed));
        expect(s.events).toContain(`deal_${s.kind}@${ymd(row.closed)}`);
      }
    }

    // Sales of 2025 by manager, as the file says: won rows closed in 2025 (noon Moscow = the file's day).
    const report = runReport(w.session.ctx(), 'sales', reportQuery.parse({ from: '2025-01-01', to: '2025-12-31', timeZone: 'Europe/Moscow', by: ['manager'] }));
    for (const m of MANAGERS) {
      const won = rows.filter((x) => x.manager === m && x.status === 'Успешно' && x.closed.getUTCFullYear() === 2025);
      const line = report.rows.find((x) => x.manager === m)!;
      expect(line.count).toBe(won.length);
      expect(line.amountKopecks).toBe(won.reduce((a, x) => a + Math.round(x.amount * 100), 0));
    }
    // The funnel counts deals created in the period: by the file's creation dates.
    const funnel = runReport(w.session.ctx(), 'funnel', reportQuery.parse({ from: '2024-01-01', to: '2024-06-30', timeZone: 'Europe/Moscow' }));
    const createdH1 = rows.filter((x) => x.created < new Date(Date.UTC(2024, 6, 1))).length;
    expect(funnel.rows[0]!.reached).toBe(createdH1);

    // Undo takes the deals and the managers it created.
    undoImport(w.session.ctx(), r.batchId!);
    expect(w.sqlite().prepare('SELECT count(*) FROM deals').pluck().get()).toBe(0);
    const after = w.call('users.list', {}).map((u) => u.name);
    for (const m of MANAGERS) expect(after).not.toContain(m);
  });

  it('undo keeps a created manager who has since been given a client', async () => {
    w = buildWorkspace('2026-03-01T09:00:00.000Z');
    for (const c of CLIENTS) w.client(c);
    w.reason('Дорого');
    const path = await writeFile(w.dir, rowsOfFile().slice(0, 30));
    const r = await runImport(w.session, path, { entity: 'deals', createUsers: true });
    const anna = w.call('users.list', {}).find((u) => u.name === 'Анна Смирнова')!;
    w.client('ООО «Новый»', { responsibleId: anna.id });
    undoImport(w.session.ctx(), r.batchId!);
    expect(w.call('users.list', {}).map((u) => u.name)).toEqual(expect.arrayContaining(['Анна Смирнова']));
    expect(w.call('users.list', {}).map((u) => u.name)).not.toContain('Борис Котов');
  });
});
