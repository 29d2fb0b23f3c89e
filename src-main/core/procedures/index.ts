import type { z } from 'zod';
import { clientProcedures } from '../clients/procedures';
import { workspaceProcedures } from '../workspace/procedures';
import { settingsProcedures } from './settings';
import { backupProcedures } from '../backup/procedures';
import { taskProcedures } from '../tasks/procedures';
import { exchangeProcedures } from '../exchange/procedures';
import { dealProcedures } from '../deals/procedures';
import { reportProcedures } from '../reports/procedures';
import { userProcedures } from '../users/procedures';
import { authProcedures } from '../auth/procedures';
import { accessProcedures } from '../access/procedures';
import { auditProcedures } from '../audit/procedures';
import { receivableProcedures } from '../receivables/procedures';
import { AppError, ValidationError } from '../errors';
import type { Session } from '../workspace/session';
import type { Procedure } from './define';
import type { Caller } from './caller';
import { assertAllowed } from './access';
import { resolveChosenPaths } from './chosen-paths';
import { actingUser } from '../auth/gate';
import { readMatrix, roleOf } from '../access/matrix';
import { auditCall, type AuditCall } from '../audit/hook';

export type { Caller } from './caller';
export { INTERNAL_CALLER } from './caller';
export { ChosenPaths, isPathPurpose, PATH_PURPOSES, type PathPurpose } from './chosen-paths';

const domains = [workspaceProcedures, clientProcedures, settingsProcedures, backupProcedures, taskProcedures, exchangeProcedures, dealProcedures, reportProcedures, userProcedures, authProcedures, accessProcedures, auditProcedures, receivableProcedures];

/** The single contract between the UI (any door) and the core. */
export const procedures = {
  ...workspaceProcedures,
  ...clientProcedures,
  ...settingsProcedures,
  ...backupProcedures,
  ...taskProcedures,
  ...exchangeProcedures,
  ...dealProcedures,
  ...reportProcedures,
  ...userProcedures,
  ...authProcedures,
  ...accessProcedures,
  ...auditProcedures,
  ...receivableProcedures,
};

/** Names defined by more than one domain (the spread above would silently keep the last). */
export function duplicateProcedureNames(): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const d of domains) for (const name of Object.keys(d)) (seen.has(name) ? dup : seen).add(name);
  return [...dup];
}

export type Procedures = typeof procedures;
export type ProcedureName = keyof Procedures;
export type ProcInput<K extends ProcedureName> = z.input<Procedures[K]['input']>;
export type ProcOutput<K extends ProcedureName> = ReturnType<Procedures[K]['handler']>;

export function isProcedureName(name: string): name is ProcedureName {
  return Object.prototype.hasOwnProperty.call(procedures, name);
}

function parseInput(p: Procedure, rawInput: unknown) {
  const parsed = p.input.safeParse(rawInput ?? {});
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    parsed.error.issues.map((i) => ({
      field: i.path.map(String).join('.'),
      code: /^[a-z_]+(\.[a-z_0-9]+)*$/.test(i.message) ? i.message : 'invalid',
      params: { detail: i.message },
    })),
  );
}

/**
 * The one way into the core, for every door: checks that the caller may make the
 * call, takes its path inputs the way its door must give them (chosen-paths.ts),
 * validates the input against the procedure's schema, and runs the handler —
 * a `write` inside one IMMEDIATE transaction, so it applies whole or not at all —
 * under the audit hook (core/audit/hook.ts), which records every change, export and
 * sign-in call.
 */
export function invoke(session: Session, name: string, rawInput: unknown, caller: Caller): unknown {
  if (!isProcedureName(name)) throw new AppError('unknown_procedure', `Unknown procedure: ${name}`, { name });
  const p = procedures[name] as unknown as Procedure;
  // The signed-in user (or the owner where nobody signs in) is ctx.userId for this call.
  const userId = actingUser(session, name, caller);
  const role = roleOf(session, userId);
  const matrix = readMatrix(session);
  assertAllowed(name, p, caller, role, matrix);
  const input = parseInput(p, p.paths ? resolveChosenPaths(name, p.paths, rawInput, caller, session) : rawInput);
  return session.actAs(userId, caller, matrix[role].see, () => {
    // Inside the call's user: the audit entry says who acted.
    const audit = auditCall(session, name, p, input, caller);
    return audit ? audit.around(() => run(session, name, p, input, audit)) : run(session, name, p, input, null);
  });
}

function run(session: Session, name: string, p: Procedure, input: unknown, audit: AuditCall | null): unknown {
  if (p.effect !== 'write') return p.handler(session, input);
  const sqlite = session.workspace.sqlite;
  return sqlite
    .transaction(() => {
      audit?.begin();
      const result = p.handler(session, input);
      // A promise would let the transaction commit before the work is done.
      if (result instanceof Promise) throw new Error(`${name} is declared 'write' but is asynchronous: declare it 'job'`);
      // The entry commits or rolls back with the write it records.
      audit?.record(result);
      return result;
    })
    .immediate();
}
