// Errors the user can act on carry a stable code (an i18n key on the renderer side)
// plus the field they concern. Anything else is a bug and is reported as 'internal'.

import type { Envelope, ErrorPayload, FieldIssue } from '../shared/envelope';

export type { ErrorPayload, FieldIssue };

export class AppError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly params: Record<string, string | number> = {},
    public readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export class ValidationError extends AppError {
  constructor(issues: FieldIssue[]) {
    super(
      'validation',
      'Invalid input: ' + issues.map((i) => `${i.field}: ${i.code}`).join('; '),
      {},
      issues,
    );
    this.name = 'ValidationError';
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, id: string) {
    super('not_found', `${what} not found: ${id}`, { what, id });
    this.name = 'NotFoundError';
  }
}

export function toErrorPayload(e: unknown): ErrorPayload {
  if (e instanceof AppError) return { code: e.code, message: e.message, params: e.params, issues: e.issues };
  return { code: 'internal', message: e instanceof Error ? e.message : String(e), params: {}, issues: [] };
}

/** The failure envelope of any error, as every door sends it. */
export function errorEnvelope(e: unknown): Extract<Envelope, { ok: false }> {
  return { ok: false, error: toErrorPayload(e) };
}
