import { resolve } from 'node:path';
import { lang, t, UsageError, withDoor } from './door';

// import --entity receivables|payments: a 1C file (ОСВ 62, debts by age, a document list,
// a bank statement) through the same procedure the wizard's last step uses. Names the
// file does not settle are mapped with --map "Name=client id or ИНН" (repeatable) or
// skipped with --skip "Name" / --skip-unmatched; until then nothing is written.

export interface FileImportFlags {
  map?: string[];
  skip?: string[];
  'skip-unmatched'?: boolean;
}

function parseMap(items: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    // The target (an id or ИНН) has no «=»; a name may.
    const at = item.lastIndexOf('=');
    if (at <= 0 || at === item.length - 1) throw new UsageError('errors.mapShape', { value: item });
    out[item.slice(0, at).trim()] = item.slice(at + 1).trim();
  }
  return out;
}

export function fileImportCommand(db: string | undefined, file: string, entity: 'receivables' | 'payments', v: FileImportFlags & { 'dry-run'?: boolean; json?: boolean }): Promise<number> {
  const map = parseMap(v.map);
  const skip = v['skip-unmatched'] ? (true as const) : (v.skip ?? []);
  return withDoor(db, async ({ call }) => {
    const { fileId } = await call('exchange.openLocal', { path: resolve(file) });
    const r = await call('exchange.receivables.run', { fileId, entity, map, skip, dryRun: v['dry-run'], lang: lang() });
    if (v.json) {
      console.log(JSON.stringify(r));
      return r.applied ? 0 : 1;
    }
    for (const e of r.errors) console.log(e.row ? t('rowError', { row: e.row, message: e.message }) : e.message);
    for (const p of r.unmatched) {
      const candidates = p.candidates.map((c) => `${c.name} (${c.id})`).join('; ');
      console.log(t('recvUnmatched', { name: p.name, inn: p.inn ?? '—', rows: p.rows.slice(0, 5).join(', '), candidates: candidates || '—' }));
    }
    if (r.counterparties.skipped.length) console.log(t('recvSkipped', { names: r.counterparties.skipped.join('; ') }));
    if (!r.applied) return 1;
    const d = r.documents;
    const p = r.payments;
    const line =
      entity === 'receivables'
        ? t('recvDocuments', { kind: r.kind, created: d.created, updated: d.updated, removed: d.removed, unchanged: d.unchanged })
        : t('recvPayments', { added: p.added, duplicates: p.duplicates, unattached: p.unattached, outgoing: p.outgoing });
    console.log(r.dryRun ? t('recvDryRun', { line }) : line);
    return 0;
  });
}
