import { z } from 'zod';
import { customValues, isoDate } from '../clients/schemas';

export const id = z.string().min(1).max(64);
const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/, 'invalid');
const optId = id.nullish().transform((v) => v || null);
const optText = (max: number) =>
  z
    .string()
    .max(max)
    .nullish()
    .transform((v) => v?.trim() || null);

// Up to ten billion roubles a deal: sums over a whole workspace stay exact JS numbers.
export const kopecks = z.number().int('deal.amount_integer').min(0, 'deal.amount_negative').max(1_000_000_000_000, 'deal.amount_too_big');

export const dealLine = z.object({
  name: z.string().trim().min(1, 'required').max(500),
  quantityMilli: z.number().int().min(1, 'deal.quantity_positive').max(1_000_000_000),
  priceKopecks: kopecks,
});

const dealShape = {
  title: z.string().trim().min(1, 'required').max(300),
  clientId: id,
  contactId: optId,
  amountKopecks: kopecks,
  currency: z.string().regex(/^[A-Z]{3}$/, 'deal.currency'),
  expectedClose: isoDate,
  responsibleId: optId,
  source: optText(200),
  description: optText(20000),
  lines: z.array(dealLine).max(500),
  custom: customValues,
};

export const dealCreate = z.object({
  ...dealShape,
  pipelineId: id,
  stageId: optId,
  amountKopecks: kopecks.default(0),
  currency: dealShape.currency.default('RUB'),
  lines: dealShape.lines.default([]),
  custom: customValues.default({}),
});
export type DealCreate = z.output<typeof dealCreate>;

// No defaults: a patch leaves out what the user did not touch.
export const dealPatch = z.object(dealShape).partial();
export type DealPatch = z.output<typeof dealPatch>;

/** Board and list filters; each narrows, none given shows every deal of the pipeline. */
export const dealFilter = z
  .object({
    responsibleId: z.union([id, z.literal('none')]).nullish(),
    source: z.string().max(200).nullish(),
    tagId: id.nullish(),
    amountMin: kopecks.nullish(),
    amountMax: kopecks.nullish(),
    text: z.string().max(200).nullish(),
    // Open deals with no open task: the ones nobody has planned a next step for.
    noNextStep: z.boolean().nullish(),
    // What a report's number stands for (a drill-down): the deals list shows exactly
    // the deals behind it. Instants are UTC, the end excluded; 'none' = not set.
    responsibleIds: z.array(z.union([id, z.literal('none')])).max(200).nullish(),
    sources: z.array(z.union([z.string().max(200), z.literal('none')])).max(200).nullish(),
    tagIds: z.array(z.union([id, z.literal('none')])).max(200).nullish(),
    region: z.string().max(200).nullish(),
    currency: z.string().regex(/^[A-Z]{3}$/).nullish(),
    lostReasonId: z.union([id, z.literal('none')]).nullish(),
    closedFrom: instant.nullish(),
    closedTo: instant.nullish(),
    createdFrom: instant.nullish(),
    createdTo: instant.nullish(),
    /** Expected close dates, both included (yyyy-mm-dd); 'none' in expectedFrom = no date set. */
    expectedFrom: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.literal('none')]).nullish(),
    expectedTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullish(),
    /** Deals that have been in this open stage or past it (a won deal passed them all). */
    reachedStageId: id.nullish(),
    /** Lost deals that were in this stage when they were lost. */
    lostAtStageId: id.nullish(),
    /** The report this filter came from, shown as a chip above the list. */
    fromReport: z.string().max(200).nullish(),
  })
  .default({});
export type DealFilter = z.output<typeof dealFilter>;

export const DEAL_SORTS = ['updatedAt', 'createdAt', 'title', 'amount', 'expectedClose', 'client', 'stage'] as const;

export const stageFields = z.object({
  name: z.string().trim().min(1, 'required').max(100),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'deal.color'),
  probability: z.number().int().min(0, 'deal.probability').max(100, 'deal.probability'),
  normDays: z.number().int().min(1, 'deal.norm_days').max(3650, 'deal.norm_days').nullish().transform((v) => v ?? null),
});
export type StageFields = z.output<typeof stageFields>;
