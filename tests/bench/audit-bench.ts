import { z } from 'zod';
import type { Session } from '../../src-main/core/workspace/session';
import { invoke, INTERNAL_CALLER, procedures } from '../../src-main/core/procedures';
import { proc, writes, type Procedure } from '../../src-main/core/procedures/define';
import { bulkUpdate } from '../../src-main/core/clients/bulk';
import { noteAuditTargets } from '../../src-main/core/audit/hook';
import { collectGarbage, median, ms, ratio, table } from './measure';

// What the audit hook costs a write: the same change through `invoke` (hook, entry in
// the write's transaction) and through the same handler in the same IMMEDIATE
// transaction without the hook, timed alternately, medians of several rounds.
//  - a bulk «set responsible» over 10,000 clients: `clients.bulk`'s own work without
//    the verified safety backup it takes first (seconds, and the same with or without
//    the hook, it would hide the hook's cost);
//  - single-card edits (`clients.update`), where the hook reads the card before and
//    after to record old → new.

const BENCH_BULK = 'bench.bulkResponsible';

export interface AuditBenchResult {
  rows: { name: string; ms: number; floorMs: number }[];
  bulkClients: number;
}

export function benchAudit(session: Session, rounds: number): AuditBenchResult {
  const s = session.workspace.sqlite;
  const ids = (s.prepare('SELECT id FROM clients WHERE archived_at IS NULL ORDER BY seq LIMIT 10000').all() as { id: string }[]).map((r) => r.id);
  const users = [0, 1].map(
    (i) => (invoke(session, 'users.create', { name: `Бенч ${i}`, email: null, color: '#336699' }, INTERNAL_CALLER) as { id: string }).id,
  );
  const table_ = procedures as unknown as Record<string, Procedure>;
  // The bulk change as clients.bulk declares and does it, minus its safety backup.
  table_[BENCH_BULK] = proc(
    writes('bulk', { audit: procedures['clients.bulk'].audit }),
    z.object({ ids: z.array(z.string()), responsibleId: z.string() }),
    (ss, i) => {
      noteAuditTargets(i.ids);
      return bulkUpdate(ss.ctx(), i.ids, { action: 'setResponsible', responsibleId: i.responsibleId });
    },
  );
  const bare = (name: string, input: unknown) => {
    const p = table_[name]!;
    const parsed = p.input.parse(input);
    s.transaction(() => p.handler(session, parsed)).immediate();
  };
  let flip = 0;
  const next = () => users[flip++ % 2]!;
  /** Medians of `a` and `b` timed alternately (after one untimed run of each), so drift in cache or load hits both. */
  const paired = (a: () => void, b: () => void): [number, number] => {
    a();
    b();
    const xs: number[] = [];
    const ys: number[] = [];
    for (let r = 0; r < rounds; r++) {
      collectGarbage();
      for (const [fn, out] of r % 2
        ? ([
            [b, ys],
            [a, xs],
          ] as const)
        : ([
            [a, xs],
            [b, ys],
          ] as const)) {
        const t0 = performance.now();
        fn();
        out.push(performance.now() - t0);
      }
    }
    return [median(xs), median(ys)];
  };
  try {
    const [bulkHook, bulkBare] = paired(
      () => void invoke(session, BENCH_BULK, { ids, responsibleId: next() }, INTERNAL_CALLER),
      () => bare(BENCH_BULK, { ids, responsibleId: next() }),
    );
    const one = ids.slice(0, 200);
    let n = 0;
    const edit = () => ({ id: one[n % one.length]!, patch: { notes: `Заметка ${n++}` } });
    const edits = (fn: (input: unknown) => void) => () => {
      for (let i = 0; i < one.length; i++) fn(edit());
    };
    const [editsHook, editsBare] = paired(
      edits((input) => void invoke(session, 'clients.update', input, INTERNAL_CALLER)),
      edits((input) => bare('clients.update', input)),
    );
    const oneHook = editsHook / one.length;
    const oneBare = editsBare / one.length;
    return {
      bulkClients: ids.length,
      rows: [
        { name: `bulk set responsible, ${ids.length} clients`, ms: bulkHook, floorMs: bulkBare },
        { name: 'one card edit (clients.update)', ms: oneHook, floorMs: oneBare },
      ],
    };
  } finally {
    delete table_[BENCH_BULK];
  }
}

export function auditTable(r: AuditBenchResult): string {
  return [
    table(
      ['audit hook', 'with, ms', 'without, ms', 'with/without'],
      r.rows.map((x) => [x.name, ms(x.ms), ms(x.floorMs), ratio(x.ms, x.floorMs)]),
    ),
    '  without: the same handler in the same IMMEDIATE transaction, no hook (each commit fsynced either way)',
  ].join('\n');
}
