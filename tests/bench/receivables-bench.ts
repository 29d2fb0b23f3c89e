import type { Session } from '../../src-main/core/workspace/session';
import { runReport } from '../../src-main/core/reports/run';
import { reportQuery } from '../../src-main/core/reports/types';
import { mulberry32 } from '../../src-main/core/seed/generator';
import { newId } from '../../src-main/core/ids';
import { collectGarbage, median, ms, ratio, table } from './measure';

// The receivables report as of a date over 50,000 documents (and ~35,000 payments with
// their allocations) spread over the workspace's clients, against its floor: the bare
// aggregate SQL over the same rows — each client's documents less what was allocated
// to them. Seeded with prepared inserts in one transaction (no allocation recompute).

export const RECEIVABLE_DOCUMENTS = 50_000;

export interface ReceivablesBenchResult {
  documents: number;
  payments: number;
  clients: number;
  reportMs: number;
  floorMs: number;
  rows: number;
}

function seed(session: Session, documents: number): { payments: number; clients: number } {
  const s = session.workspace.sqlite;
  const clients = (s.prepare('SELECT id FROM clients WHERE archived_at IS NULL ORDER BY seq LIMIT 10000').all() as { id: string }[]).map((r) => r.id);
  const rnd = mulberry32(62);
  const at = '2026-01-01T00:00:00.000Z';
  const doc = s.prepare(
    `INSERT INTO receivable_documents (id, client_id, kind, number, date, amount_kopecks, settled_outside_kopecks, source, created_at, updated_at)
     VALUES (?, ?, 'shipment', ?, ?, ?, 0, 'osv', ?, ?)`,
  );
  const pay = s.prepare(
    `INSERT INTO receivable_payments (id, client_id, number, date, amount_kopecks, payer_inn, payer_name, purpose, source, dedupe_key, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, NULL, '', '', 'bank', ?, ?, ?)`,
  );
  const alloc = s.prepare(`INSERT INTO receivable_allocations (id, payment_id, document_id, kopecks, manual) VALUES (?, ?, ?, ?, 0)`);
  const terms = s.prepare(`INSERT OR IGNORE INTO client_credit_terms (client_id, payment_days, credit_limit_kopecks, updated_at) VALUES (?, ?, ?, ?)`);
  let payments = 0;
  s.transaction(() => {
    for (const c of clients) if (rnd() < 0.3) terms.run(c, [0, 14, 30, 45][Math.floor(rnd() * 4)], rnd() < 0.5 ? 500_000_00 : null, at);
    for (let i = 0; i < documents; i++) {
      const clientId = clients[Math.floor(rnd() * clients.length)]!;
      const date = new Date(Date.UTC(2025, 0, 1) + Math.floor(rnd() * 540) * 86_400_000).toISOString().slice(0, 10);
      const amount = 1_000_00 + Math.floor(rnd() * 500_000_00);
      const id = newId();
      doc.run(id, clientId, `ГР00-${String(i).padStart(6, '0')}`, date, amount, at, at);
      // Most documents are paid, some in part, a few not at all.
      const r = rnd();
      if (r < 0.7) {
        const paid = r < 0.55 ? amount : Math.floor(amount * rnd());
        const pid = newId();
        const pdate = new Date(Date.parse(`${date}T00:00:00Z`) + Math.floor(rnd() * 90) * 86_400_000).toISOString().slice(0, 10);
        pay.run(pid, clientId, String(i), pdate, paid, `bench:${i}`, at, at);
        alloc.run(newId(), pid, id, paid);
        payments++;
      }
    }
  })();
  s.exec('ANALYZE');
  return { payments, clients: clients.length };
}

export function benchReceivables(session: Session, rounds: number, documents = RECEIVABLE_DOCUMENTS): ReceivablesBenchResult {
  const { payments, clients } = seed(session, documents);
  const ctx = session.ctx();
  const asOf = '2026-06-30';
  const q = reportQuery.parse({ from: asOf, to: asOf, timeZone: 'Europe/Moscow' });
  const floorSql = ctx.ws.sqlite.prepare(
    `SELECT d.client_id, sum(d.amount_kopecks - coalesce(a.k, 0)) AS debt
       FROM receivable_documents d
       LEFT JOIN (SELECT document_id, sum(kopecks) AS k FROM receivable_allocations GROUP BY document_id) a ON a.document_id = d.id
      WHERE d.date <= ? GROUP BY d.client_id`,
  );
  const report: number[] = [];
  const floor: number[] = [];
  let rows = 0;
  runReport(ctx, 'receivables', q); // warm the statement caches
  for (let i = 0; i < rounds; i++) {
    collectGarbage();
    let t = performance.now();
    floorSql.all(asOf);
    floor.push(performance.now() - t);
    collectGarbage();
    t = performance.now();
    rows = runReport(ctx, 'receivables', q).rows.length;
    report.push(performance.now() - t);
  }
  return { documents, payments, clients, reportMs: median(report), floorMs: median(floor), rows };
}

export function receivablesTable(r: ReceivablesBenchResult): string {
  return table(
    [`receivables (${r.documents} documents, ${r.payments} payments, ${r.clients} clients)`, 'ms', 'floor ms', 'ratio'],
    [[`report as of a date (${r.rows} rows)`, ms(r.reportMs), ms(r.floorMs), ratio(r.reportMs, r.floorMs)]],
  );
}
