import type { ProcedureName, ProcInput, ProcOutput } from '../../src-main/core/procedures';
import type { ErrorPayload } from '../../src-main/core/errors';

// The one door the UI knows: the Electron preload bridge when present, otherwise
// HTTP to the browser-mode server. Only *types* come from the core, so a renamed
// procedure or field breaks the build, not the user.

type Envelope = { ok: true; result: unknown } | { ok: false; error: ErrorPayload };

interface Bridge {
  invoke(name: string, input: unknown): Promise<Envelope>;
}

declare global {
  interface Window {
    kartoteka?: Bridge;
  }
}

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
    return { ok: false, error: { code: 'offline', message: String(e), params: {}, issues: [] } };
  }
  try {
    return (await res.json()) as Envelope;
  } catch {
    return { ok: false, error: { code: 'internal', message: `HTTP ${res.status}`, params: {}, issues: [] } };
  }
}

export async function call<K extends ProcedureName>(name: K, input: ProcInput<K>): Promise<Awaited<ProcOutput<K>>> {
  const envelope = window.kartoteka ? await window.kartoteka.invoke(name, input) : await overHttp(name, input);
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.result as Awaited<ProcOutput<K>>;
}

export type { ProcOutput, ProcInput };
