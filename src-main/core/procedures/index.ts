import type { z } from 'zod';
import { clientProcedures } from '../clients/procedures';
import { workspaceProcedures } from '../workspace/procedures';
import { settingsProcedures } from './settings';
import { backupProcedures } from '../backup/procedures';
import { taskProcedures } from '../tasks/procedures';
import { exchangeProcedures } from '../exchange/procedures';
import { dealProcedures } from '../deals/procedures';
import { AppError, ValidationError } from '../errors';
import type { Session } from '../workspace/session';
import type { Procedure } from './define';

/** The single contract between the UI (any door) and the core. */
export const procedures = {
  ...workspaceProcedures,
  ...clientProcedures,
  ...settingsProcedures,
  ...backupProcedures,
  ...taskProcedures,
  ...exchangeProcedures,
  ...dealProcedures,
};

export type Procedures = typeof procedures;
export type ProcedureName = keyof Procedures;
export type ProcInput<K extends ProcedureName> = z.input<Procedures[K]['input']>;
export type ProcOutput<K extends ProcedureName> = ReturnType<Procedures[K]['handler']>;

export function isProcedureName(name: string): name is ProcedureName {
  return Object.prototype.hasOwnProperty.call(procedures, name);
}

/** Validates the input against the procedure's schema, then runs it. */
export function invoke(session: Session, name: string, rawInput: unknown): unknown {
  if (!isProcedureName(name)) throw new AppError('unknown_procedure', `Unknown procedure: ${name}`, { name });
  const p = procedures[name] as unknown as Procedure;
  const parsed = p.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((i) => ({
        field: i.path.map(String).join('.'),
        code: /^[a-z_]+(\.[a-z_0-9]+)*$/.test(i.message) ? i.message : 'invalid',
        params: { detail: i.message },
      })),
    );
  }
  return p.handler(session, parsed.data);
}
