import { z } from 'zod';
import { CLIENT_KINDS, CLIENT_RELATIONS, CLIENT_STATUSES } from '../db/schema/enums';
import { id, optionalDate, optionalId } from '../validation/rules';
import { auditFilter } from './audit-filters';

// Client fields come from forms and from imported cells (1C and Excel love U+00A0):
// a non-breaking space anywhere in them becomes a plain one, so search and duplicate
// checks see the text a user would.
const optText = (max = 1000) =>
  z
    .string()
    .max(max)
    .nullish()
    .transform((v) => {
      const t = v?.replace(/\u00a0/g, ' ').trim();
      return t ? t : null;
    });

export const phoneInput = z.object({
  raw: z.string().max(100),
  label: optText(50),
});
export const emailInput = z.object({
  address: z.string().max(320),
  label: optText(50),
});

export const customValues = z.record(z.string(), z.union([z.string().max(5000), z.number(), z.boolean(), z.null()]));

// Shape without defaults: a patch must leave out what the user did not touch
// (zod 4 applies .default() even inside .partial(), which would wipe phones).
const clientShape = {
  kind: z.enum(CLIENT_KINDS),
  name: optText(500),
  fullName: optText(1000),
  lastName: optText(100),
  firstName: optText(100),
  middleName: optText(100),
  relation: z.enum(CLIENT_RELATIONS),
  status: z.enum(CLIENT_STATUSES),
  source: optText(200),
  region: optText(200),
  industry: optText(200),
  responsibleId: optionalId,
  inn: optText(20),
  kpp: optText(20),
  ogrn: optText(20),
  legalAddress: optText(1000),
  actualAddress: optText(1000),
  bankName: optText(300),
  bankBik: optText(20),
  bankAccount: optText(30),
  bankCorrAccount: optText(30),
  birthday: optionalDate,
  website: optText(300),
  notes: optText(20000),
  phones: z.array(phoneInput).max(50),
  emails: z.array(emailInput).max(50),
  tagIds: z.array(id).max(200),
  custom: customValues,
};

export const clientFields = z.object({
  ...clientShape,
  relation: clientShape.relation.default('client'),
  status: clientShape.status.default('active'),
  phones: clientShape.phones.default([]),
  emails: clientShape.emails.default([]),
  tagIds: clientShape.tagIds.default([]),
  custom: clientShape.custom.default({}),
});
export type ClientFields = z.output<typeof clientFields>;

export const clientPatch = z.object(clientShape).partial();
export type ClientPatch = z.output<typeof clientPatch>;

export const contactFields = z.object({
  name: z.string().max(300).transform((v) => v.trim()),
  position: optText(200),
  birthday: optionalDate,
  notes: optText(5000),
  phones: z.array(phoneInput).max(20).default([]),
  emails: z.array(emailInput).max(20).default([]),
});
export type ContactFields = z.output<typeof contactFields>;

/** Orders of the client list; each walks an index (core/clients/list-sort.ts). */
export const CLIENT_SORTS = ['name', 'inn', 'responsible', 'createdAt', 'updatedAt'] as const;

export const listQuery = z.object({
  search: z.string().max(200).default(''),
  archived: z.boolean().default(false),
  kind: z.enum(CLIENT_KINDS).nullish(),
  relation: z.enum(CLIENT_RELATIONS).nullish(),
  status: z.enum(CLIENT_STATUSES).nullish(),
  tagId: optionalId,
  responsibleId: optionalId,
  region: z.string().max(200).nullish(),
  custom: z
    .array(z.object({ fieldId: id, value: z.string().max(500) }))
    .max(20)
    .default([]),
  // A report's drill-down: the base audit's problem, the clients their responsible
  // has not been in touch with since an instant, or a set the report computed.
  audit: auditFilter.nullish(),
  noContactSince: z.string().max(40).nullish(),
  selection: z.string().max(64).nullish(),
  fromReport: z.string().max(200).nullish(),
  sort: z.enum(CLIENT_SORTS).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
});
export type ListQuery = z.output<typeof listQuery>;
