import type { ProcedureName, ProcInput, ProcOutput } from '../../src-main/core/procedures';
import { failure, type Envelope, type ErrorPayload } from '../../src-main/shared/envelope';
import type {} from '../../src-main/electron/bridge-types'; // declares window.kartoteka

// The one door the UI knows: the Electron preload bridge when present, otherwise
// HTTP to the browser-mode server. Only *types* come from the core, so a renamed
// procedure or field breaks the build, not the user.

export class ApiError extends Error {
  constructor(public readonly payload: ErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
  }
  get code() {
    return this.payload.code;
  }
  get issues() {
    return this.payload.issues;
  }
}

async function overHttp(name: string, input: unknown): Promise<Envelope> {
  let res: Response;
  try {
    res = await fetch(`./api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
  } catch (e) {
    return failure('offline', String(e));
  }
  try {
    return (await res.json()) as Envelope;
  } catch {
    return failure('internal', `HTTP ${res.status}`);
  }
}

/** Told when the core asks who is there (signed out, expired, deactivated): the app shows the sign-in screen. */
let onSignInRequired: () => void = () => {};
export function whenSignInRequired(fn: () => void): void {
  onSignInRequired = fn;
}

export async function call<K extends ProcedureName>(name: K, input: ProcInput<K>): Promise<Awaited<ProcOutput<K>>> {
  const envelope = window.kartoteka ? await window.kartoteka.invoke(name, input) : await overHttp(name, input);
  if (!envelope.ok) {
    if (envelope.error.code === 'auth.required') onSignInRequired();
    throw new ApiError(envelope.error);
  }
  return envelope.result as Awaited<ProcOutput<K>>;
}

export type { ProcOutput, ProcInput };
