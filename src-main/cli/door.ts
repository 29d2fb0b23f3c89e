import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { userInfo } from 'node:os';
import { Session } from '../core/workspace/session';
import { invoke, type Caller, type ProcedureName, type ProcInput, type ProcOutput } from '../core/procedures';
import { AppError } from '../core/errors';
import { errorMessage, fill, lookup } from '../shared/i18n/translate';
import { isUiLanguage, type UiLanguage } from '../shared/i18n/languages';
import { cliRu } from '../shared/i18n/cli.ru';
import { cliEn } from '../shared/i18n/cli.en';

// The command line is a door like the desktop window and the browser: it says who is
// calling (this PC, the OS account) and reaches the workspace only through `invoke`.

/** A mistake in the command line itself: exit code 2 and the usage text. */
export class UsageError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

type Tree = { [k: string]: string | Tree };
const catalogues: Record<UiLanguage, Tree> = { ru: cliRu as unknown as Tree, en: cliEn as unknown as Tree };

/** The language of this run: --lang, else KARTOTEKA_LANG, else the workspace's once one is open. */
let language: UiLanguage | null = null;
let explicit = false;

export function chooseLanguage(flag: string | undefined): void {
  const chosen = flag ?? process.env.KARTOTEKA_LANG;
  if (chosen === undefined) return;
  if (!isUiLanguage(chosen)) throw new UsageError('errors.lang');
  language = chosen;
  explicit = true;
}

export const lang = (): UiLanguage => language ?? 'ru';

export function t(key: string, params: Record<string, string | number> = {}): string {
  return fill(lookup(catalogues[lang()], key) ?? key, params);
}

/** One line for any failure, in the run's language. */
export function describeFailure(e: unknown): string {
  if (e instanceof UsageError) return t(e.key, e.params);
  if (e instanceof AppError) {
    if (e.issues.length > 0) {
      return e.issues.map((i) => `${i.field}: ${errorMessage(lang(), i.code, i.params ?? {}) ?? i.code}`).join('; ');
    }
    return errorMessage(lang(), e.code, { ...e.params, message: e.message }) ?? e.message;
  }
  return `${e instanceof Error ? e.message : String(e)} ${t('debugHint')}`;
}

export const CLI_CALLER: Caller = { door: 'cli', local: true, osUser: safeUserName() };

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

export interface Door {
  session: Session;
  path: string;
  call<K extends ProcedureName>(name: K, input: ProcInput<K>): Promise<Awaited<ProcOutput<K>>>;
  close(): void;
}

export function requiredDb(db: string | undefined): string {
  if (!db) throw new UsageError('errors.dbRequired');
  return resolve(db);
}

/**
 * Opens the workspace for one command. Short commands (lookup runs on every incoming
 * call) skip the integrity check at open, which reads the whole file (seconds at
 * 200,000 clients); `serve` and `check` do it.
 */
export function openDoor(db: string | undefined, opts: { create?: boolean; session?: Session } = {}): Door {
  const path = requiredDb(db);
  // A mistyped --db must not quietly create an empty workspace: `lookup` would then
  // answer "unknown caller" for every number.
  if (!opts.create && !existsSync(path)) throw new UsageError('errors.noWorkspace', { path });
  const session = opts.session ?? new Session({ skipIntegrityCheck: true });
  if (!session.isOpen) session.open(path);
  const call = async <K extends ProcedureName>(name: K, input: ProcInput<K>): Promise<Awaited<ProcOutput<K>>> =>
    (await invoke(session, name, input, CLI_CALLER)) as Awaited<ProcOutput<K>>;
  useWorkspaceLanguage(session);
  return { session, path, call, close: () => session.close() };
}

/** Unless --lang said otherwise, the run speaks the open workspace's language. */
export function useWorkspaceLanguage(session: Session): void {
  if (explicit || !session.isOpen) return;
  language = (invoke(session, 'workspace.info', {}, CLI_CALLER) as { language: UiLanguage }).language;
}

/** Runs `fn` with the workspace open and closes it afterwards. */
export async function withDoor<T>(db: string | undefined, fn: (door: Door) => Promise<T> | T, opts: { create?: boolean } = {}): Promise<T> {
  const door = openDoor(db, opts);
  try {
    return await fn(door);
  } finally {
    door.close();
  }
}
