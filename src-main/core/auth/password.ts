import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// Passwords are kept as scrypt hashes (node:crypto: no native addon to build, and a
// memory-hard KDF, which old-PC GPUs and ASICs cannot run cheaply). The parameters
// travel with every hash, so they can be raised later: an old hash still verifies with
// its own parameters, and `needsRehash` says when to store a stronger one.

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  keylen: number;
}

/**
 * About 32 MiB and ~0.1 s per hash on an old office PC: slow for a guesser, fine for a
 * person signing in. Raise N here; stored hashes upgrade at their next sign-in.
 */
export const CURRENT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1, keylen: 64 };

const SALT_BYTES = 16;
const PREFIX = 'scrypt';

const options = (q: ScryptParams): ScryptOptions => ({ N: q.N, r: q.r, p: q.p, maxmem: 256 * q.N * q.r + 1024 * 1024 });

/** `scrypt$N$r$p$<salt base64>$<hash base64>`: every parameter needed to verify. */
export function hashPassword(password: string, params: ScryptParams = CURRENT_PARAMS): string {
  const salt = randomBytes(SALT_BYTES);
  const hash = scryptSync(password.normalize('NFC'), salt, params.keylen, options(params));
  return [PREFIX, params.N, params.r, params.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

interface Parsed {
  params: ScryptParams;
  salt: Buffer;
  hash: Buffer;
}

export function parseHash(stored: string): Parsed | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== PREFIX) return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4]!, 'base64');
  const hash = Buffer.from(parts[5]!, 'base64');
  const sane = [N, r, p].every((n) => Number.isInteger(n) && n > 0) && (N & (N - 1)) === 0 && N <= 2 ** 20 && r <= 32 && p <= 16;
  if (!sane || salt.length === 0 || hash.length < 16) return null;
  return { params: { N, r, p, keylen: hash.length }, salt, hash };
}

/** True when the password matches; a malformed hash matches nothing. */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parsed = stored ? parseHash(stored) : null;
  // No hash (unknown login, user without a password): the same work as a real check,
  // so the time taken does not tell which logins exist.
  const { params, salt, hash } = parsed ?? { params: CURRENT_PARAMS, salt: randomBytes(SALT_BYTES), hash: randomBytes(CURRENT_PARAMS.keylen) };
  const derived = await new Promise<Buffer>((ok, fail) =>
    scrypt(password.normalize('NFC'), salt, params.keylen, options(params), (e, key) => (e ? fail(e) : ok(key))),
  );
  return parsed !== null && timingSafeEqual(derived, hash);
}

/** The same check, synchronous (changing a password inside a write transaction). */
export function verifyPasswordSync(password: string, stored: string | null): boolean {
  const parsed = stored ? parseHash(stored) : null;
  if (!parsed) return false;
  return timingSafeEqual(scryptSync(password.normalize('NFC'), parsed.salt, parsed.params.keylen, options(parsed.params)), parsed.hash);
}

/** A hash made with weaker parameters than today's: rehash at the next successful sign-in. */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  if (!parsed) return true;
  const q = parsed.params;
  return q.N < CURRENT_PARAMS.N || q.r < CURRENT_PARAMS.r || q.p < CURRENT_PARAMS.p || q.keylen < CURRENT_PARAMS.keylen;
}
