import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { call, type ProcInput } from '../api/client';
import { errorText } from '../i18n';
import { usePagedRows, type PageAnswer } from '../ui/usePagedRows';
import { DateInput } from '../ui/dates/DateInput';
import { isIsoDate } from '../ui/dates/dateText';
import { notify, notifyError } from '../ui/toast';
import { useLookups } from '../settings/lookups';
import { downloadFile } from '../exchange/transfer';
import { auditRu } from '../../src-main/shared/i18n/audit.ru';
import { actionText } from '../../src-main/shared/audit-text';
import { AuditEntryView, type AuditRow } from './AuditEntryView';
import { useAuditText } from './text';
import './audit.css';

type Filter = NonNullable<ProcInput<'audit.list'>['filter']>;
type TargetType = NonNullable<Filter['targetType']>;
const PAGE = 100;
const TARGETS = Object.keys(auditRu.targets) as TargetType[];
const ACTIONS = Object.keys(auditRu.actions);
const RETENTION_YEARS = [1, 2, 3, 5, 10];

/** A local day (yyyy-MM-dd) as the instant it starts, in this computer's zone. */
const dayStart = (day: string, plusDays = 0): string => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
};

/** Settings → Журнал: the whole log with its filters, paged by the core as it scrolls; export; retention. */
export function AuditSection() {
  const { t } = useTranslation();
  const { tr, lang } = useAuditText();
  const users = useLookups((s) => s.users);
  const [userId, setUserId] = useState('');
  const [action, setAction] = useState('');
  const [targetType, setTargetType] = useState<TargetType | ''>('');
  const [record, setRecord] = useState<{ id: string; type: TargetType; name: string } | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [exporting, setExporting] = useState(false);
  const filter: Filter = useMemo(
    () => ({
      userId: userId || null,
      action: action || null,
      targetType: record?.type ?? (targetType || null),
      targetId: record?.id ?? null,
      from: isIsoDate(from) ? dayStart(from) : null,
      // The last day is included: the period ends where the next day starts.
      to: isIsoDate(to) ? dayStart(to, 1) : null,
    }),
    [userId, action, targetType, record, from, to],
  );
  const fetchPage = useCallback(
    async (page: number, offset: number, limit: number): Promise<PageAnswer<AuditRow, undefined>> => {
      const r = await call('audit.list', { filter, offset, limit, withTotal: page === 0 });
      return { rows: r.rows, total: r.total };
    },
    [filter],
  );
  const { total, error, getRow, show } = usePagedRows(JSON.stringify(filter), 0, PAGE, fetchPage);
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = total ?? 0;
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => 56, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => show(first, last), [first, last, show]);
  const actions = useMemo(() => ACTIONS.map((a) => [a, actionText(tr, a)] as const).sort((a, b) => a[1].localeCompare(b[1])), [tr]);
  const filtered = !!(userId || action || targetType || record || from || to);

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const r = await call('audit.export', { filter, lang, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
      await downloadFile(r.fileId);
    } catch (e) {
      notifyError(errorText(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <section className="panel" data-testid="audit-section">
        <h2>{t('audit.title')}</h2>
        <p className="muted small">{t('audit.intro')}</p>
        <div className="audit-filters">
          <label>
            {t('audit.filters.user')}
            <select aria-label={t('audit.filters.user')} value={userId} onChange={(e) => setUserId(e.target.value)}>
              <option value="">{t('audit.filters.anyUser')}</option>
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('audit.filters.action')}
            <select aria-label={t('audit.filters.action')} value={action} onChange={(e) => setAction(e.target.value)}>
              <option value="">{t('audit.filters.anyAction')}</option>
              {actions.map(([a, label]) => (
                <option key={a} value={a}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('audit.filters.target')}
            {record ? (
              <button type="button" className="chip" onClick={() => setRecord(null)} aria-label={`${t('audit.filters.thisRecord', { name: record.name })} ✕`}>
                {t('audit.filters.thisRecord', { name: record.name })} ✕
              </button>
            ) : (
              <select aria-label={t('audit.filters.target')} value={targetType} onChange={(e) => setTargetType(e.target.value as TargetType | '')}>
                <option value="">{t('audit.filters.anyTarget')}</option>
                {TARGETS.map((k) => (
                  <option key={k} value={k}>
                    {tr(`audit.targets.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </label>
          <label>
            {t('audit.filters.from')}
            <DateInput aria-label={t('audit.filters.from')} value={from} onChange={setFrom} />
          </label>
          <label>
            {t('audit.filters.to')}
            <DateInput aria-label={t('audit.filters.to')} value={to} onChange={setTo} />
          </label>
          {filtered && (
            <button type="button" className="link" onClick={() => (setUserId(''), setAction(''), setTargetType(''), setRecord(null), setFrom(''), setTo(''))}>
              {t('audit.filters.reset')}
            </button>
          )}
          <span className="muted small" data-testid="audit-count">
            {total !== null ? t('audit.count', { count: total }) : t('app.loading')}
          </span>
          <button type="button" onClick={() => void exportXlsx()} disabled={exporting}>
            {exporting ? t('audit.exporting') : t('audit.export')}
          </button>
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="list-scroll audit-list" ref={scrollRef} role="list" aria-label={t('audit.title')}>
          {total === 0 && <p className="empty-state muted">{t('audit.empty')}</p>}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((v) => {
              const r = getRow(v.index);
              return (
                <div
                  key={v.key}
                  role="listitem"
                  data-index={v.index}
                  ref={virtualizer.measureElement}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${v.start}px)` }}
                >
                  {r ? (
                    <AuditEntryView
                      entry={r}
                      onRecord={
                        r.targetId && r.targetType
                          ? () => setRecord({ id: r.targetId!, type: r.targetType as TargetType, name: r.targetName ?? r.targetId! })
                          : undefined
                      }
                    />
                  ) : (
                    <div className="audit-entry muted">{t('app.loading')}</div>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </section>
      <RetentionPanel />
    </>
  );
}

function RetentionPanel() {
  const { t } = useTranslation();
  const [years, setYears] = useState<number | null | undefined>(undefined);
  useEffect(() => {
    call('audit.settings', {}).then(
      (s) => setYears(s.retentionYears),
      (e) => notifyError(errorText(e)),
    );
  }, []);
  if (years === undefined) return null;
  return (
    <section className="panel">
      <h2>{t('audit.retention.title')}</h2>
      <label className="row">
        {t('audit.retention.label')}{' '}
        <select
          aria-label={t('audit.retention.label')}
          value={years === null ? '' : String(years)}
          onChange={async (e) => {
            const next = e.target.value === '' ? null : Number(e.target.value);
            try {
              const saved = await call('audit.saveSettings', { retentionYears: next });
              setYears(saved.retentionYears);
              notify(t('audit.retention.saved'));
            } catch (err) {
              notifyError(errorText(err));
            }
          }}
        >
          {[...new Set([...RETENTION_YEARS, ...(years ? [years] : [])])]
            .sort((a, b) => a - b)
            .map((y) => (
              <option key={y} value={y}>
                {t('audit.retention.years', { count: y })}
              </option>
            ))}
          <option value="">{t('audit.retention.forever')}</option>
        </select>
      </label>
    </section>
  );
}
