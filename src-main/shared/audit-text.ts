// An audit entry in words, the same on the screen, in the .xlsx and on the command
// line: the action's name, where the call came from, and its details as lines
// («Фамилия: Иванов → Петров»). Takes the caller's translate function, so the renderer
// and the core use their own catalogue access.

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface AuditEntryLike {
  action: string;
  door: string;
  address: string | null;
  osUser: string | null;
  userName: string | null;
  targetType: string | null;
  targetName?: string | null;
  targetCount: number;
  details: Record<string, unknown> | null;
}

/** A catalogue entry, or `fallback` when the catalogue has none (translate returns the key itself). */
function known(t: Translate, key: string, fallback: string, params?: Record<string, string | number>): string {
  const text = t(key, params);
  return text === key ? fallback : text;
}

export const actionText = (t: Translate, action: string): string => known(t, `audit.actions.${action}`, action);

export const fieldText = (t: Translate, field: string): string =>
  field.startsWith('custom:') ? field.slice('custom:'.length) : known(t, `audit.fields.${field}`, field);

export function doorText(t: Translate, e: Pick<AuditEntryLike, 'door' | 'address' | 'osUser'>): string {
  if (e.door === 'http' && !e.address) return t('audit.door.httpLocal');
  return t(`audit.door.${e.door}`, { address: e.address ?? '', osUser: e.osUser ?? '' });
}

export const whoText = (t: Translate, e: Pick<AuditEntryLike, 'userName'>): string => e.userName ?? t('audit.system');

export function targetText(t: Translate, e: AuditEntryLike): string {
  if (!e.targetType) return '';
  const type = known(t, `audit.targets.${e.targetType}`, e.targetType);
  if (e.targetCount > 1) return `${type}: ${t('audit.records', { count: e.targetCount })}`;
  return e.targetName ? `${type} «${e.targetName}»` : type;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** Fields whose stored values are codes with words in the catalogue. */
const CODED: Record<string, string> = { kind: 'kinds', relation: 'relations', status: 'statuses' };

export function valueText(t: Translate, lang: string, field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return t('audit.detail.empty');
  if (CODED[field] && typeof v === 'string') return known(t, `${CODED[field]}.${v}`, v);
  if (typeof v === 'boolean') return t(v ? 'audit.detail.yes' : 'audit.detail.no');
  if (field.endsWith('_kopecks') && typeof v === 'number') {
    return new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v / 100);
  }
  if (typeof v === 'string' && ISO_INSTANT.test(v)) {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(v));
  }
  return typeof v === 'string' ? v : JSON.stringify(v);
}

type Changes = Record<string, [unknown, unknown]>;

const IMPORT_COUNTS = ['created', 'updated', 'skipped'] as const;

function changeLines(t: Translate, lang: string, changes: Changes): string[] {
  return Object.entries(changes).map(([f, [a, b]]) => `${fieldText(t, f)}: ${valueText(t, lang, f, a)} → ${valueText(t, lang, f, b)}`);
}

/** The details as lines: changed fields old → new, or the counts and the error code. */
export function detailLines(t: Translate, lang: string, e: AuditEntryLike): string[] {
  const d = e.details ?? {};
  const lines: string[] = [];
  if (d.changes) lines.push(...changeLines(t, lang, d.changes as Changes));
  if (d.records) {
    for (const c of Object.values(d.records as Record<string, Changes>)) lines.push(...changeLines(t, lang, c));
  }
  if (e.action === 'audit.pruned' && typeof d.count === 'number') {
    lines.push(t('audit.detail.pruned', { count: d.count, before: valueText(t, lang, '', d.before) }));
  }
  if (typeof d.error === 'string') lines.push(t('audit.detail.error', { code: d.error }));
  const result = (d.result ?? {}) as Record<string, unknown>;
  if (typeof result.rows === 'number') lines.push(t('audit.detail.rows', { count: result.rows }));
  else if (typeof result.count === 'number') lines.push(t('audit.detail.count', { count: result.count }));
  // An import's counts (created, updated, skipped): each as its own line.
  for (const key of IMPORT_COUNTS) if (typeof result[key] === 'number') lines.push(`${fieldText(t, key)}: ${result[key]}`);
  if (!lines.length && d.input && typeof d.input === 'object') {
    for (const [k, v] of Object.entries(d.input as Record<string, unknown>)) {
      if (v === null || (typeof v === 'object' && !Array.isArray(v))) continue;
      lines.push(`${fieldText(t, k)}: ${valueText(t, lang, k, v)}`);
    }
  }
  return lines;
}
