import { z } from 'zod';
import { customValues } from '../clients/schemas';
import { STAGE_KINDS } from '../db/schema/enums';
import { colour, currencyCode, id, instant, kopecks, name, optionalDate, optionalId, optionalText, requiredText } from '../validation/rules';

export const dealLine = z.object({
  name: requiredText(500),
  quantityMilli: z.number().int().min(1, 'deal.quantity_positive').max(1_000_000_000),
  priceKopecks: kopecks,
});

const dealShape = {
  title: requiredText(300),
  clientId: id,
  contactId: optionalId,
  amountKopecks: kopecks,
  currency: currencyCode,
  expectedClose: optionalDate,
  responsibleId: optionalId,
  source: optionalText(200),
  description: optionalText(20000),
  lines: z.array(dealLine).max(500),
  custom: customValues,
};

export const dealCreate = z.object({
  ...dealShape,
  pipelineId: id,
  stageId: optionalId,
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
export type DealSort = (typeof DEAL_SORTS)[number];
/** The list's status tabs: deals in a stage of one kind, or all. */
export const DEAL_STATUSES = [...STAGE_KINDS, 'all'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

export const stageFields = z.object({
  name,
  color: colour,
  probability: z.number().int().min(0, 'deal.probability').max(100, 'deal.probability'),
  normDays: z.number().int().min(1, 'deal.norm_days').max(3650, 'deal.norm_days').nullish().transform((v) => v ?? null),
});
export type StageFields = z.output<typeof stageFields>;
