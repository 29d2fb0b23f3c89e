import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcOutput } from '../../api/client';
import { errorText, formatDateTime } from '../../i18n';

type Entry = ProcOutput<'history.list'>[number];
export const HISTORY_PAGE = 30;

/**
 * A timeline's history, newest first, 30 entries a page: the next page loads when the
 * end of the list scrolls into view (or from the button, for the keyboard), so a
 * client with thousands of entries never loads them all. `version` reloads the first page.
 */
export function HistoryList({ clientId, dealId, version }: { clientId: string; dealId?: string; version: number }) {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const loading = useRef(false);
  const end = useRef<HTMLDivElement>(null);

  const load = useCallback(
    async (before: Entry | null) => {
      if (loading.current && before) return;
      loading.current = true;
      try {
        const cursor = before ? { occurredAt: before.occurredAt, id: before.id } : null;
        const rows: Entry[] = dealId
          ? await call('deals.history', { dealId, before: cursor, limit: HISTORY_PAGE })
          : await call('history.list', { clientId, before: cursor, limit: HISTORY_PAGE });
        setEntries((prev) => (before ? [...prev, ...rows] : rows));
        setMore(rows.length === HISTORY_PAGE);
        setLoaded(true);
        setError(null);
      } catch (e) {
        setError(errorText(e));
      } finally {
        loading.current = false;
      }
    },
    [clientId, dealId],
  );
  useEffect(() => {
    void load(null);
  }, [load, version]);

  const last = entries[entries.length - 1] ?? null;
  useEffect(() => {
    const el = end.current;
    if (!el || !more || typeof IntersectionObserver === 'undefined') return;
    const seen = new IntersectionObserver((hits) => hits.some((h) => h.isIntersecting) && void load(last), { rootMargin: '200px' });
    seen.observe(el);
    return () => seen.disconnect();
  }, [more, last, load]);

  // A system entry is worded here, in the reader's language, from its typed event.
  const entryText = ({ event, text }: Entry) => {
    if (!event) return text;
    const arg = 'title' in event ? event.title : 'name' in event ? event.name : '';
    return t(event.type.startsWith('deal_') ? `deals.system.${event.type}` : `history.system.${event.type}`, { arg });
  };

  return (
    <>
      {error && <p className="error" role="alert">{error}</p>}
      {loaded && entries.length === 0 && <p className="muted">{t('history.empty')}</p>}
      <ol className="timeline" data-testid="history">
        {entries.map((h) => (
          <li key={h.id} className={`entry entry-${h.kind}`}>
            <div className="entry-head">
              <strong>{t(`history.kinds.${h.kind}`)}</strong>
              {h.direction && <span className="muted"> · {t(`history.direction.${h.direction}`)}</span>}
              {h.durationMin != null && <span className="muted"> · {t('history.minutes', { count: h.durationMin })}</span>}
              {h.contactName && <span className="muted"> · {h.contactName}</span>}
              {!dealId && h.dealId && (
                <span className="muted">
                  {' · '}
                  <a href={`#/deals/${h.dealId}`}>{t('deals.historyDeal', { title: h.dealTitle })}</a>
                </span>
              )}
              <span className="muted entry-meta">
                {formatDateTime(h.occurredAt)}
                {h.author && ` · ${h.author}`}
              </span>
            </div>
            <div className="entry-text">{entryText(h)}</div>
          </li>
        ))}
      </ol>
      <div ref={end} />
      {more && (
        <button className="link" onClick={() => void load(last)}>
          {t('history.loadMore')}
        </button>
      )}
    </>
  );
}
