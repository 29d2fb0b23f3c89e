import type { Session } from '../workspace/session';
import type { Procedure } from '../procedures/define';
import type { Caller } from '../procedures/caller';
import { appendEntry, resultFacts, summarise, type Who } from './record';
import { diffFields, readTargets, type Changes, type Fields } from './targets';
import { idsOf } from './spec';

// The audit hook around the procedure table: `invoke` asks `auditCall` whether a call
// is recorded and, if so, runs it through the returned call. A write's entry is
// appended inside the write's own transaction, so a rolled-back write leaves none.

/** Records read before and after a call to diff them; a bulk change beyond this records ids and a count only. */
export const SNAPSHOT_CAP = 50;

let current: AuditCall | null = null;

/**
 * For a procedure that learns its records while it runs (a bulk change over the list's
 * filter): the ids the entry names, instead of those its declaration reads from the input.
 */
export function noteAuditTargets(ids: readonly string[]): void {
  current?.note(ids);
}

const isAuth = (name: string) => name.startsWith('auth.');

/**
 * The call's audit, or null when it is not recorded: reads are not, except exports
 * (anything needing the 'export' permission); sign-in and sign-out (`auth.*` calls that
 * act) are recorded whatever the outcome; dry runs are not.
 */
export function auditCall(session: Session, name: string, p: Procedure, input: unknown, caller: Caller): AuditCall | null {
  // auth.status and auth.settings only read (every page load asks the status): not recorded.
  if (p.effect === 'read' && p.permission !== 'export' && !p.audit?.exports) return null;
  // A dry run (an import's check of what it would do) changes nothing, and promises to write nothing.
  if (p.effect !== 'read' && (input as { dryRun?: unknown } | null)?.dryRun === true) return null;
  if (p.audit?.when && !p.audit.when(input)) return null;
  return new AuditCall(session, name, p, input, caller);
}

function callerWho(session: Session, caller: Caller): Who {
  // The auth work adds the signed-in user to the Caller; until then the session's user acts.
  const fromCaller = (caller as { userId?: string | null }).userId;
  return {
    userId: fromCaller ?? (session.isOpen ? session.ctx().userId : null),
    door: caller.door,
    // A LAN address only: a browser on this PC is this PC, as in the desktop window.
    address: caller.door === 'http' && !caller.local ? (caller.address ?? null) : null,
    osUser: caller.osUser ?? null,
  };
}

export class AuditCall {
  private ids: string[] = [];
  private noted: string[] | null = null;
  private before: Map<string, Fields> | null = null;
  private done = false;
  private readonly who: Who;

  constructor(
    private readonly session: Session,
    private readonly name: string,
    private readonly p: Procedure,
    private readonly input: unknown,
    private readonly caller: Caller,
  ) {
    this.who = callerWho(session, caller);
  }

  note(ids: readonly string[]): void {
    this.noted = [...ids];
  }

  /** Runs the call; a write calls `begin` and `record` itself, inside its transaction. */
  around<T>(run: () => T): T {
    const outer = current;
    current = this; // eslint-disable-line @typescript-eslint/no-this-alias -- the call in progress, for noteAuditTargets
    try {
      if (this.p.effect !== 'write') this.begin();
      const result = run();
      if (result instanceof Promise) {
        return result.then(
          (r: unknown) => (this.record(r), r),
          (e: unknown) => {
            this.failed(e);
            throw e;
          },
        ) as T;
      }
      this.record(result);
      return result;
    } catch (e) {
      this.failed(e);
      throw e;
    } finally {
      current = outer;
    }
  }

  /** Reads the records the input names, before the handler changes them. */
  begin(): void {
    const spec = this.p.audit;
    if (!spec?.target || !spec.before) return;
    this.ids = idsOf(spec.before(this.input));
    const readIds = spec.target === 'settings' ? ['workspace'] : this.ids;
    if (readIds.length > 0 && readIds.length <= SNAPSHOT_CAP) this.before = readTargets(this.session.workspace.sqlite, spec.target, readIds);
  }

  /** Appends the entry of a successful call (once). */
  record(result: unknown): void {
    if (this.done || !this.session.isOpen) return;
    this.done = true;
    const spec = this.p.audit;
    const s = this.session.workspace.sqlite;
    let ids = this.noted ?? this.ids;
    if (spec?.after) ids = idsOf(spec.after(result, this.input));
    const details: Record<string, unknown> = {};
    if (spec?.target) {
      const settings = spec.target === 'settings';
      const readIds = settings ? ['workspace'] : ids;
      const after = readIds.length > 0 && readIds.length <= SNAPSHOT_CAP ? readTargets(s, spec.target, readIds) : null;
      if (after) {
        const changed: Record<string, Changes> = {};
        for (const id of readIds) {
          const c = diffFields(this.before?.get(id), after.get(id));
          if (Object.keys(c).length) changed[id] = c;
        }
        if (readIds.length === 1) {
          if (changed[readIds[0]!]) details.changes = changed[readIds[0]!];
        } else if (Object.keys(changed).length) details.records = changed;
      }
    }
    if (!details.changes && !details.records) {
      details.input = summarise(this.input);
      const facts = resultFacts(result);
      if (facts) details.result = facts;
    }
    // A call that replaced the workspace is recorded in the one now open, by its user.
    const who = this.p.effect === 'session' ? callerWho(this.session, this.caller) : this.who;
    appendEntry(s, this.session.now().toISOString(), who, { action: this.name, targetType: spec?.target ?? null, ids, details });
  }

  /** A failed sign-in call is recorded with its error code (the write it attempted was rolled back). */
  failed(error: unknown): void {
    if (this.done || !isAuth(this.name) || !this.session.isOpen) return;
    this.done = true;
    const code = error && typeof error === 'object' && 'code' in error ? String((error as { code: unknown }).code) : 'internal';
    appendEntry(this.session.workspace.sqlite, this.session.now().toISOString(), this.who, {
      action: `${this.name}_failed`,
      details: { error: code, input: summarise(this.input) },
    });
  }
}
