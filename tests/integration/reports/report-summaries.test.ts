import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWorkspace, type Built } from '../../helpers/builders';
import { seedClients } from '../../../src-main/core/seed/generator';
import { seedDeals } from '../../../src-main/core/deals/seed';
import { seedTasks } from '../../../src-main/core/tasks/seed';
import { runReport } from '../../../src-main/core/reports/run';
import { reportQuery } from '../../../src-main/core/reports/types';
import { runImport } from '../../../src-main/core/exchange/run';
import { baseAuditReference } from '../../helpers/reports-reference/base-audit';
import { activityReference } from '../../helpers/reports-reference/activity';
import { funnelReference } from '../../helpers/reports-reference/funnel';
import { churnReference } from '../../helpers/reports-reference/churn';
import { abcReference } from '../../helpers/reports-reference/abc';
import { salesReference } from '../../helpers/reports-reference/sales';

// The optimised reports (one pass, per-client summaries kept by triggers, covering
// indexes) against the straightforward ones they replaced, on a seeded workspace of
// thousands of rows; and the summaries right after every kind of write that changes them.

let w: Built;
afterEach(() => w?.dispose());

const NOW = '2026-12-01T09:00:00.000Z';
const Q = (over: Record<string, unknown> = {}) => reportQuery.parse({ from: '2025-12-01', to: '2026-11-30', timeZone: 'Europe/Moscow', ...over });
const REFERENCES = { 'base-audit': baseAuditReference, activity: activityReference, funnel: funnelReference, churn: churnReference, abc: abcReference, sales: salesReference };

function seeded() {
  w = buildWorkspace(NOW);
  const s = w.session.workspace.sqlite;
  seedClients(s, { clients: 3000, seed: 7 });
  seedDeals(s, { deals: 1500, seed: 7 });
  seedTasks(s, { tasks: 3000, seed: 7, timeZone: 'Europe/Moscow' });
}

/** Clients whose kept summaries differ from a count made now from scratch. */
function staleSummaries(): number {
  return (
    w.session.workspace.sqlite
      .prepare(
        `SELECT count(*) AS n FROM clients c
          WHERE c.phone_count != (SELECT count(*) FROM phones p WHERE p.client_id = c.id)
             OR c.email_count != (SELECT count(*) FROM emails e WHERE e.client_id = c.id)
             OR c.last_contact_at IS NOT (SELECT max(h.occurred_at) FROM history h WHERE h.client_id = c.id AND h.kind != 'system')
             OR c.requisites_bad != ((c.inn IS NOT NULL OR c.ogrn IS NOT NULL) AND krequisites_ok(c.kind, c.inn, c.ogrn) = 0)`,
      )
      .get() as { n: number }
  ).n + staleKeyCounts('phones', 'digits', 'phone_key_counts') + staleKeyCounts('emails', 'address_key', 'email_key_counts');
}

/** Keys whose kept count of rows differs from the rows there are (either way). */
function staleKeyCounts(table: string, key: string, counts: string): number {
  const actual = `SELECT ${key}, count(*) FROM ${table} GROUP BY ${key}`;
  const kept = `SELECT ${key}, n FROM ${counts}`;
  return (w.session.workspace.sqlite.prepare(`SELECT (SELECT count(*) FROM (${actual} EXCEPT ${kept})) + (SELECT count(*) FROM (${kept} EXCEPT ${actual})) AS n`).get() as { n: number }).n;
}

/** Every optimised report gives the very result of its straightforward reference. */
function expectSameAsReference(cases: [keyof typeof REFERENCES, Record<string, unknown>][]) {
  const ctx = w.session.ctx();
  for (const [name, over] of cases) {
    const q = Q(over);
    const got = runReport(ctx, name, q);
    const want = REFERENCES[name].run(ctx, { ...q, options: (REFERENCES[name].options as { parse(x: unknown): Record<string, unknown> } | undefined)?.parse(q.options) ?? q.options });
    // Selections saved for a drill are new ids each run: compare everything else.
    const strip = (r: unknown) => JSON.parse(JSON.stringify(r).replace(/"selection":"[^"]*"/g, '"selection":"-"'));
    expect(strip(got), `${name} ${JSON.stringify(over)}`).toEqual(strip(want));
  }
}

const ALL: [keyof typeof REFERENCES, Record<string, unknown>][] = [
  ['base-audit', {}],
  ['base-audit', { options: { inactiveDays: 90 } }],
  ['activity', {}],
  ['activity', { options: { noContactDays: 7 } }],
  // «Done late» by the local day in a zone whose offset changes twice in the period.
  ['activity', { timeZone: 'Europe/Berlin' }],
  ['funnel', {}],
  ['churn', {}],
  ['churn', { options: { silentDays: 30, dropPercent: 20 } }],
  ['abc', { by: ['client'], options: { xyz: true } }],
  ['abc', {}],
  ['sales', { by: ['manager', 'month'] }],
  ['sales', { by: ['month', 'tag'], compare: true }],
];

describe('optimised reports against the straightforward ones', () => {
  it('agree on a seeded workspace of thousands of rows, for everyone and for a manager who sees only their own', () => {
    seeded();
    expect(staleSummaries()).toBe(0);
    expectSameAsReference(ALL);
    // A manager (sees own clients and deals only).
    const manager = w.session.workspace.sqlite.prepare("SELECT id FROM users WHERE id IN (SELECT responsible_id FROM clients) LIMIT 1").get() as { id: string };
    const ctx = w.session.ctx();
    const own = { ...ctx, sees: 'own' as const, userId: manager.id };
    for (const [name, over] of ALL) {
      const q = Q(over);
      const ref = REFERENCES[name];
      const strip = (r: unknown) => JSON.parse(JSON.stringify(r).replace(/"selection":"[^"]*"/g, '"selection":"-"'));
      expect(strip(runReport(own as never, name, q)), `own ${name}`).toEqual(
        strip(ref.run(own as never, { ...q, options: (ref.options as { parse(x: unknown): Record<string, unknown> } | undefined)?.parse(q.options) ?? q.options })),
      );
    }
  });

  it('keep the summaries right after every write that changes them, and still agree', async () => {
    seeded();
    const s = w.session.workspace.sqlite;
    const ids = (s.prepare('SELECT id FROM clients WHERE archived_at IS NULL ORDER BY seq LIMIT 6').all() as { id: string }[]).map((r) => r.id);
    const [a, b, c, d, e] = ids as [string, string, string, string, string];

    // History: a new entry, an older one (moves nothing), a system event (never a contact).
    w.call('history.add', { clientId: a, kind: 'call', direction: 'in', occurredAt: '2026-11-30T10:00:00.000Z', text: 'Звонок' } as never);
    w.call('history.add', { clientId: a, kind: 'note', occurredAt: '2020-01-01T10:00:00.000Z', text: 'Давно' } as never);
    expect(staleSummaries()).toBe(0);
    // A deleted entry (a client's history rows go with it) recomputes the last contact.
    s.prepare("DELETE FROM history WHERE client_id = ? AND occurred_at = '2026-11-30T10:00:00.000Z'").run(a);
    expect(staleSummaries()).toBe(0);

    // Card edits: phones and e-mails replaced; a contact person with a phone; archived.
    w.call('clients.update', { id: b, patch: { phones: [{ raw: '+7 495 111-22-33' }, { raw: '+7 495 111-22-44' }], emails: [] } } as never);
    // Requisites (a card saved on screen cannot fail the checksum; an import or an older
    // release may have left one that does): a bad ИНН, a good one, none, a kind that
    // makes a 10-digit ИНН wrong.
    const setRequisites = (sql: string, ...args: unknown[]) => {
      s.prepare(`UPDATE clients SET ${sql} WHERE id = ?`).run(...args, c);
      expect(staleSummaries(), sql).toBe(0);
    };
    setRequisites("kind = 'organization', inn = ?", '7707083894');
    expect((s.prepare('SELECT requisites_bad AS n FROM clients WHERE id = ?').get(c) as { n: number }).n).toBe(1);
    setRequisites('inn = ?', '7707083893');
    setRequisites("kind = 'person'");
    expect((s.prepare('SELECT requisites_bad AS n FROM clients WHERE id = ?').get(c) as { n: number }).n).toBe(1);
    setRequisites('inn = NULL');
    w.call('contacts.create', { clientId: b, fields: { name: 'Иван', phones: [{ raw: '+7 916 000-00-01' }], emails: [{ address: 'ivan@example.ru' }] } } as never);
    w.call('clients.archive', { ids: [c] });
    expect(staleSummaries()).toBe(0);

    // Merge: phones, e-mails and history move to the kept card.
    w.call('clients.merge', { keepId: d, mergeId: e });
    expect(staleSummaries()).toBe(0);

    // Deals: moved, won, lost (the funnel and churn read their stage changes).
    const deal = s.prepare("SELECT d.id FROM deals d JOIN stages st ON st.id = d.stage_id AND st.kind = 'open' WHERE d.archived_at IS NULL LIMIT 3").all() as { id: string }[];
    w.call('deals.close', { id: deal[0]!.id, outcome: 'won' } as never);
    w.call('deals.close', { id: deal[1]!.id, outcome: 'lost', lostReasonId: (w.call('lostReasons.list', {}) as { id: string }[])[0]!.id } as never);

    // Import of clients with phones, then its undo.
    const dir = mkdtempSync(join(tmpdir(), 'kartoteka-summaries-'));
    const file = join(dir, 'clients.csv');
    writeFileSync(file, 'Наименование;Телефон\nООО «Импорт один»;+7 495 222-33-44\nООО «Импорт два»;+7 495 111-22-33\n');
    const r = await runImport(w.session, file, { entity: 'clients' });
    expect(staleSummaries()).toBe(0);
    expectSameAsReference(ALL);
    w.call('exchange.undo', { batchId: r.batchId! } as never);
    expect(staleSummaries()).toBe(0);
    expectSameAsReference(ALL);
  });
});
