import type Database from 'better-sqlite3';
import { foldText, sortKey } from '../text/fold';
import { localDateMemo } from '../tasks/time';
import { requisitesOk } from '../clients/audit-filters';

/** The application's SQL functions, on every connection that runs our statements. */
export function registerFunctions(sqlite: Database.Database): void {
  // Unicode-aware fold for filters; SQLite's lower() only folds ASCII.
  sqlite.function('kfold', { deterministic: true }, (v: unknown) => (v == null ? null : foldText(String(v))));
  // The list's sort key, for migrations that recompute clients.name_key.
  sqlite.function('ksortkey', { deterministic: true }, (v: unknown) => (v == null ? null : sortKey(String(v))));
  // Whether a card's ИНН/ОГРН pass their checksums (the base audit lists those that do not).
  sqlite.function('krequisites_ok', { deterministic: true }, requisitesOk);
  // The calendar date of an instant in a zone: "done after its all-day deadline" needs the user's day.
  const localDay = localDateMemo();
  sqlite.function('klocaldate', { deterministic: true }, (instant: unknown, tz: unknown) => (instant == null ? null : localDay(String(instant), String(tz))));
}
