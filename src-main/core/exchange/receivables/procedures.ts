import { z } from 'zod';
import { proc, runs, writes } from '../../procedures/define';
import { UI_LANGUAGES } from '../../../shared/i18n/languages';
import { id } from '../../validation/rules';
import { analyseStored, applyStored, createClientFromPayer, runStored } from './service';

// The 1C imports of receivables (ОСВ 62, debts by age, document lists) and payments (bank
// statements): the wizard analyses, shows the names to map, then applies; the CLI runs both.

const entity = z.enum(['receivables', 'payments']);
const lang = z.enum(UI_LANGUAGES).default('ru');
const choices = {
  /** Name (or payer ИНН) as the file writes it → client id or the client's ИНН. */
  map: z.record(z.string().min(1).max(500), z.string().min(1).max(100)).default({}),
  /** Names to leave out, or true: every name not matched. */
  skip: z.union([z.literal(true), z.array(z.string().min(1).max(500)).max(10000)]).default([]),
  dryRun: z.boolean().default(false),
};

export const receivablesImportProcedures = {
  'exchange.receivables.analyse': proc(runs('import'), z.object({ fileId: id, entity, lang }), (s, i) => analyseStored(s, i)),
  'exchange.receivables.apply': proc(runs('import'), z.object({ analysisId: z.string().uuid(), lang, ...choices }), (s, i) => applyStored(s, i)),
  'exchange.receivables.run': proc(runs('import'), z.object({ fileId: id, entity, lang, ...choices }), (s, i) => runStored(s, i)),
  /** A statement's payer who is no client: one click makes the client and gives them their payments. */
  'receivables.createClientFromPayer': proc(writes('change'), z.object({ inn: z.string().regex(/^\d{10}(\d{2})?$/), name: z.string().max(300) }), (s, i) =>
    createClientFromPayer(s, i),
  ),
};
