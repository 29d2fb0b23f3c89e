import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcInput } from '../api/client';
import { errorText } from '../i18n';
import { AuditEntryView, type AuditRow } from './AuditEntryView';
import './audit.css';

type TargetType = NonNullable<NonNullable<ProcInput<'audit.list'>['filter']>['targetType']>;
const PAGE = 20;

/**
 * A card's own entries («Журнал изменений»), newest first, 20 at a time. Folded until
 * opened, so opening a card costs no extra call; `version` (the card's last change)
 * reloads it while open.
 */
export function AuditPanel({ targetType, targetId, version }: { targetType: TargetType; targetId: string; version: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [rows, setRows] = useState<AuditRow[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    async (offset: number) => {
      try {
        const r = await call('audit.list', { filter: { targetType, targetId }, offset, limit: PAGE, withTotal: offset === 0 });
        setRows((prev) => (offset === 0 ? r.rows : [...prev, ...r.rows]));
        if (r.total !== undefined) setTotal(r.total);
        setError(null);
      } catch (e) {
        setError(errorText(e));
      }
    },
    [targetType, targetId],
  );
  useEffect(() => {
    if (open) void load(0);
  }, [open, load, version]);
  return (
    <section className="panel audit-panel" data-testid="audit-panel">
      <details open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary>
          <h2 style={{ display: 'inline' }}>{t('audit.cardTitle')}</h2>
          {total !== null && <span className="muted small"> · {t('audit.count', { count: total })}</span>}
        </summary>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {open && total === 0 && <p className="muted">{t('audit.empty')}</p>}
        {rows.map((r) => (
          <AuditEntryView key={r.id} entry={r} showTarget={false} />
        ))}
        {total !== null && rows.length < total && (
          <button type="button" className="link" onClick={() => void load(rows.length)}>
            {t('audit.more')}
          </button>
        )}
      </details>
    </section>
  );
}
