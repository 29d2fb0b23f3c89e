// The answer every door gives for a procedure call, built here only: the HTTP body,
// the desktop bridge's reply and what the renderer's `api` unwraps.

export interface FieldIssue {
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

/** Serialisable form of an error sent over IPC/HTTP. */
export interface ErrorPayload {
  code: string;
  message: string;
  params: Record<string, string | number>;
  issues: FieldIssue[];
}

export type Envelope = { ok: true; result: unknown } | { ok: false; error: ErrorPayload };

export const success = (result: unknown): Envelope => ({ ok: true, result: result ?? null });

export const failure = (code: string, message: string, params: Record<string, string | number> = {}): Envelope => ({
  ok: false,
  error: { code, message, params, issues: [] },
});

/** HTTP status of an error code (the body is the envelope either way). */
export function httpStatusOf(code: string): number {
  if (code === 'validation' || code === 'unknown_procedure' || code === 'bad_request') return 400;
  if (code === 'auth.required' || code === 'auth.invalid') return 401;
  if (code === 'local_only' || code === 'forbidden') return 403;
  if (code === 'not_found') return 404;
  if (code === 'auth.locked') return 429;
  if (code === 'internal') return 500;
  return 422;
}
