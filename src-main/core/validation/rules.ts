import { z } from 'zod';
import { isAbsolute } from 'node:path';
import { isCalendarDate } from './dates';

// Input rules shared by every procedure schema, defined once so an id, a colour or an
// amount is checked the same way wherever it comes in. A message that looks like a
// code ('required', 'deal.color') reaches the UI as the code and is translated
// there; other messages become 'invalid'.

/** A record id: UUIDv7 text, or the fixed id of a built-in row ('tasktype-call'); empty means nothing was chosen. */
export const id = z.string().min(1, 'required').max(64);
/** An optional reference: absent, null and '' all mean "none". */
export const optionalId = z.string().max(64).nullish().transform((v) => v || null);

/** Required text, trimmed; empty after trimming is 'required'. */
export const requiredText = (max: number) => z.string().trim().min(1, 'required').max(max);
/** The name of a tag, stage, pipeline, task type, user… */
export const name = requiredText(100);
/** Optional text, trimmed; empty means null. */
export const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .nullish()
    .transform((v) => v?.trim() || null);

// The message code is under deal.* because stages were the first coloured thing with a
// message of their own; it reads "colour as #RRGGBB" everywhere.
export const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'deal.color');

/** Money in integer kopecks, up to ten billion roubles: sums over a whole workspace stay exact JS numbers. */
export const kopecks = z.number().int('deal.amount_integer').min(0, 'deal.amount_negative').max(1_000_000_000_000, 'deal.amount_too_big');
/** ISO 4217 code, upper case ('RUB'). */
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'deal.currency');

/** A calendar date 'YYYY-MM-DD' that exists (not 2025-02-30). */
export const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date').refine(isCalendarDate, 'date');
export const optionalDate = calendarDate.nullish().transform((v) => v || null);
/** An ISO-8601 instant with a zone ('2025-05-01T10:00:00Z', '…+03:00'). */
export const instant = z.iso.datetime({ offset: true });

/** Paging of lists: how many rows, from where. */
export const limit = (max: number, fallback: number) => z.number().int().min(1).max(max).default(fallback);
export const offset = z.number().int().min(0).default(0);
/** Timelines page by the last entry shown (newest first). */
export const historyCursor = z.object({ occurredAt: z.string().max(40), id }).nullish();

/** A workspace file to open or create: an absolute path ending in .kdb. */
export const workspacePath = z
  .string()
  .max(1000)
  .refine((p) => isAbsolute(p), 'workspace.path_absolute')
  .refine((p) => /\.kdb$/i.test(p), 'workspace.path_extension');

/** A file or folder on this PC named by the user (backup folder, a backup file to restore): absolute. */
export const localPath = z
  .string()
  .min(1)
  .max(1000)
  .refine((p) => isAbsolute(p), 'workspace.path_absolute');
