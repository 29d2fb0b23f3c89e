import { z } from 'zod';
import { customValues } from '../clients/schemas';
import { STAGE_KINDS } from '../db/schema/enums';
import { colour, currencyCode, id, kopecks, name, optionalDate, optionalId, optionalText, requiredText } from '../validation/rules';

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
