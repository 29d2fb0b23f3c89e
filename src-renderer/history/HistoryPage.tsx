import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcInput, type ProcOutput } from '../api/client';
import { errorText, formatDateTime } from '../i18n';
import { useApp } from '../app/store';
import { DrillChip } from '../reports/DrillChip';

type Filter = NonNullable<ProcInput<'history.search'>['filter']>;
type Row = ProcOutput<'history.search'>['rows'][number];
const PAGE = 100;

/** Every client's history in one list, newest first: what a report's activity number stands for. */
export function HistoryPage() {
  const { t } = useTranslation();
  const { route, navigate } = useApp();
  const [filter, setFilter] = useState<Filter>(() => {
    try {
      return route.drill ? (JSON.parse(route.drill) as Filter) : {};
    } catch {
      return {};
    }
  });
  const [rows, setRows] = useState<Row[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    async (offset: number) => {
      try {
        const page = await call('history.search', { filter, offset, limit: PAGE });
        setRows((prev) => (offset ? [...prev, ...page.rows] : page.rows));
        setTotal(page.total);
      } catch (e) {
        setError(errorText(e));
      }
    },
    [filter],
  );
  useEffect(() => {
    void load(0);
  }, [load]);
  return (
    <div className="page history-page">
      <header className="page-head">
        <h1>{t('nav.history')}</h1>
        {total !== null && (
          <span className="muted total" data-testid="history-total">
            {t('history.feed.total', { count: total })}
          </span>
        )}
      </header>
      {filter.fromReport && <DrillChip fromReport={filter.fromReport} onClear={() => {
            setFilter({});
            navigate({ section: 'history' });
          }} />}
      {error && <p className="error" role="alert">{error}</p>}
      {total === 0 && <p className="empty-state muted">{t('history.feed.empty')}</p>}
      <table className="table" data-testid="history-feed">
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="muted small">{formatDateTime(r.occurredAt)}</td>
              <td>
                {t(`history.kinds.${r.kind}`)}
                {r.direction ? ` (${t(`history.direction.${r.direction}`)})` : ''}
              </td>
              <td>
                <a href={`#/clients/${encodeURIComponent(r.clientId)}`}>{r.clientName}</a>
              </td>
              <td>{r.text}</td>
              <td className="muted">{r.author}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total !== null && rows.length < total && (
        <button className="link" onClick={() => void load(rows.length)}>
          {t('history.feed.more')}
        </button>
      )}
    </div>
  );
}
