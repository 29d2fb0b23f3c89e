/**
 * The kind of client the user created last, kept per browser/desktop profile (like
 * the UI language), so an agency that enters mostly people is not switched back to
 * "organisation" every time. No setting in the workspace: it is this user's habit.
 */
export type ClientKind = 'person' | 'organization' | 'sole_trader';
const KEY = 'kartoteka.newClientKind';
const KINDS: readonly ClientKind[] = ['organization', 'sole_trader', 'person'];

export function lastClientKind(): ClientKind {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(KEY) : null;
  return KINDS.includes(saved as ClientKind) ? (saved as ClientKind) : 'organization';
}

export function rememberClientKind(kind: ClientKind): void {
  localStorage.setItem(KEY, kind);
}
