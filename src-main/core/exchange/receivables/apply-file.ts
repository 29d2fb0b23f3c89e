import type { Ctx } from '../../context';
import { AppError } from '../../errors';
import { prepared } from '../../db/statements';
import { ingestDocuments, ingestPayments, type IngestDocumentsResult, type IngestPaymentsResult } from '../../receivables/ingest';
import { rememberCounterparty } from '../../receivables/names';
import { partyKey, type FileAnalysis, type Party } from './analyse-file';

// Writes an analysed 1C file through the receivables seam in ONE transaction: every
// document and payment, or nothing. Counterparty names the file does not settle must be
// mapped (remembered for next time) or skipped by name first; a bank payer who is no
// client is kept unattached and reported (the UI offers to make them a client).

export interface ApplyChoices {
  /** A name (or payer ИНН) as the file writes it → a client id or a client's ИНН. */
  map?: Record<string, string>;
  /** Names to leave out, or true for every name not settled. */
  skip?: string[] | true;
  dryRun?: boolean;
}

export interface FileApplyResult {
  applied: boolean;
  dryRun: boolean;
  batchId: string | null;
  documents: Omit<IngestDocumentsResult, 'batchId'>;
  payments: Omit<IngestPaymentsResult, 'batchId'> & { unattached: number };
  matched: number;
  mapped: string[];
  skipped: string[];
  /** Names that stop the import until mapped or skipped (receivables), or payers left unattached (payments). */
  unmatched: Party[];
}

class DryRun extends Error {}

function clientOf(ctx: Ctx, target: string): string | null {
  const t = target.trim();
  const byId = prepared<{ id: string }>(ctx.ws.sqlite, `SELECT id FROM clients WHERE id = ? AND archived_at IS NULL AND merged_into_id IS NULL`).get(t);
  if (byId) return byId.id;
  const byInn = prepared<{ id: string }>(ctx.ws.sqlite, `SELECT id FROM clients WHERE inn = ? AND archived_at IS NULL AND merged_into_id IS NULL LIMIT 2`).all(t.replace(/\s+/g, ''));
  return byInn.length === 1 ? byInn[0]!.id : null;
}

/** Settles every party: the file's match, the user's mapping, or a skip. */
export function resolveParties(ctx: Ctx, a: FileAnalysis, choices: ApplyChoices) {
  const map = new Map(Object.entries(choices.map ?? {}).map(([k, v]) => [k.trim(), v]));
  const skipNames = new Set(choices.skip === true ? [] : (choices.skip ?? []).map((s) => s.trim()));
  const clientOfParty = new Map<string, string | null>();
  const mapped: { party: Party; clientId: string }[] = [];
  const skipped: string[] = [];
  const skippedKeys = new Set<string>();
  const unmatched: Party[] = [];
  let matched = 0;
  for (const p of a.parties) {
    const key = partyKey(p);
    const target = map.get(p.name) ?? (p.inn ? map.get(p.inn) : undefined);
    if (target !== undefined) {
      const clientId = clientOf(ctx, target);
      if (!clientId) throw new AppError('receivables_import.map_target', `«${p.name}» is mapped to «${target}», which is no client's id or ИНН`, { name: p.name, target });
      mapped.push({ party: p, clientId });
      clientOfParty.set(key, clientId);
    } else if (skipNames.has(p.name) || (p.inn && skipNames.has(p.inn)) || (choices.skip === true && !p.clientId)) {
      skipped.push(p.name);
      skippedKeys.add(key);
      clientOfParty.set(key, null);
    } else if (p.clientId) {
      matched++;
      clientOfParty.set(key, p.clientId);
    } else {
      unmatched.push(p);
      clientOfParty.set(key, null);
    }
  }
  for (const name of skipNames) if (!a.parties.some((p) => p.name === name || p.inn === name)) throw new AppError('receivables_import.map_unknown', `«${name}» is not in the file`, { name });
  for (const name of map.keys()) if (!a.parties.some((p) => p.name === name || p.inn === name)) throw new AppError('receivables_import.map_unknown', `«${name}» is not in the file`, { name });
  return { clientOfParty, mapped, skipped, skippedKeys, unmatched, matched };
}

export function applyFile(ctx: Ctx, a: FileAnalysis, choices: ApplyChoices): FileApplyResult {
  const r = resolveParties(ctx, a, choices);
  const result: FileApplyResult = {
    applied: false,
    dryRun: !!choices.dryRun,
    batchId: null,
    documents: { created: 0, updated: 0, removed: 0, unchanged: 0 },
    payments: { added: 0, duplicates: 0, unattached: 0 },
    matched: r.matched,
    mapped: r.mapped.map((m) => m.party.name),
    skipped: r.skipped,
    unmatched: r.unmatched,
  };
  if (a.problems.length > 0) throw new AppError('receivables_import.rows_invalid', `${a.problems.length} rows of the file cannot be read (first: row ${a.problems[0]!.row}, «${a.problems[0]!.column}»)`, { count: a.problems.length, row: a.problems[0]!.row, column: a.problems[0]!.column });
  // A document nobody owns cannot be written; a payment can wait for its payer to become a client.
  if (a.entity === 'receivables' && r.unmatched.length > 0) return result;
  try {
    ctx.ws.sqlite.transaction(() => {
      for (const m of r.mapped) if (!m.party.inn) rememberCounterparty(ctx, m.party.name, m.clientId);
      if (a.entity === 'receivables') {
        const docs = a.documents.flatMap((d) => {
          const clientId = r.clientOfParty.get(d.party);
          if (!clientId) return [];
          const { party: _, ...doc } = d;
          return [{ ...doc, clientId }];
        });
        const advances = a.advances.flatMap((v) => {
          const clientId = r.clientOfParty.get(v.party);
          return clientId ? [{ clientId, kopecks: v.kopecks }] : [];
        });
        const res = ingestDocuments(ctx, a.batch, docs, advances);
        result.batchId = res.batchId;
        result.documents = { created: res.created, updated: res.updated, removed: res.removed, unchanged: res.unchanged };
      } else {
        const payments = a.payments.flatMap((p) => {
          if (r.skippedKeys.has(p.party)) return [];
          const { party: _, ...payment } = p;
          return [{ ...payment, clientId: r.clientOfParty.get(p.party) ?? null }];
        });
        const res = ingestPayments(ctx, a.batch, payments);
        result.batchId = res.batchId;
        result.payments = { added: res.added, duplicates: res.duplicates, unattached: payments.filter((p) => !p.clientId).length };
      }
      result.applied = true;
      if (choices.dryRun) throw new DryRun();
    })();
  } catch (e) {
    if (!(e instanceof DryRun)) throw e;
    result.batchId = null;
  }
  return result;
}
