import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { format } from 'date-fns';
import { call, type ProcOutput } from '../../api/client';
import { errorText, formatDateTime } from '../../i18n';
import { fieldErrors } from '../../ui/fieldErrors';

/** Whose timeline: a client, or one deal of a client (entries then show on both cards). */
interface Owner {
  id: string;
  contacts: { id: string; name: string }[];
}
type Entry = ProcOutput<'history.list'>[number];
const KINDS = ['call', 'meeting', 'note', 'email'] as const;
const PAGE = 30;

export function HistoryPanel({ card, version, dealId }: { card: Owner; version: number; dealId?: string }) {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (before: Entry | null) => {
      try {
        const cursor = before ? { occurredAt: before.occurredAt, id: before.id } : null;
        const rows: Entry[] = dealId
          ? await call('deals.history', { dealId, before: cursor, limit: PAGE })
          : await call('history.list', { clientId: card.id, before: cursor, limit: PAGE });
        setEntries((prev) => (before ? [...prev, ...rows] : rows));
        setMore(rows.length === PAGE);
      } catch (e) {
        setError(errorText(e));
      }
    },
    [card.id, dealId],
  );
  useEffect(() => {
    void load(null);
  }, [load, version]);

  // A system entry is worded here, in the reader's language, from its typed event.
  const entryText = ({ event, text }: Entry) => {
    if (!event) return text;
    const arg = 'title' in event ? event.title : 'name' in event ? event.name : '';
    return t(event.type.startsWith('deal_') ? `deals.system.${event.type}` : `history.system.${event.type}`, { arg });
  };

  return (
    <section className="panel history" aria-label={t('card.history')}>
      <h2>{t('card.history')}</h2>
      <HistoryForm card={card} dealId={dealId} onAdded={() => load(null)} />
      {error && <p className="error">{error}</p>}
      {entries.length === 0 && <p className="muted">{t('history.empty')}</p>}
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
      {more && (
        <button className="link" onClick={() => load(entries[entries.length - 1] ?? null)}>
          {t('history.loadMore')}
        </button>
      )}
    </section>
  );
}

function HistoryForm({ card, dealId, onAdded }: { card: Owner; dealId?: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('call');
  const [direction, setDirection] = useState<'in' | 'out'>('out');
  const [contactId, setContactId] = useState('');
  const [when, setWhen] = useState(() => format(new Date(), "yyyy-MM-dd'T'HH:mm"));
  const [duration, setDuration] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e?: React.FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    if (!when || Number.isNaN(new Date(when).getTime())) {
      setError(t('history.whenRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call('history.add', {
        clientId: card.id,
        dealId: dealId ?? null,
        contactId: contactId || null,
        kind,
        direction: kind === 'call' ? direction : null,
        occurredAt: new Date(when).toISOString(),
        durationMin: duration ? Number(duration) : null,
        text,
      });
      setText('');
      setDuration('');
      setWhen(format(new Date(), "yyyy-MM-dd'T'HH:mm"));
      onAdded();
    } catch (err) {
      const fe = fieldErrors(err);
      setError(fe.text ? `${t('history.text')}: ${fe.text}` : errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="history-form" onSubmit={submit} data-testid="history-form">
      <div className="row">
        <select aria-label={t('history.kind')} value={kind} onChange={(e) => setKind(e.target.value as never)}>
          {KINDS.map((k) => <option key={k} value={k}>{t(`history.kinds.${k}`)}</option>)}
        </select>
        {kind === 'call' && (
          <select aria-label={t('history.direction.out')} value={direction} onChange={(e) => setDirection(e.target.value as never)}>
            <option value="out">{t('history.direction.out')}</option>
            <option value="in">{t('history.direction.in')}</option>
          </select>
        )}
        {card.contacts.length > 0 && (
          <select aria-label={t('history.contact')} value={contactId} onChange={(e) => setContactId(e.target.value)}>
            <option value="">{t('history.contact')}: {t('common.none')}</option>
            {card.contacts.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        )}
        <input type="datetime-local" aria-label={t('history.occurredAt')} value={when} onChange={(e) => setWhen(e.target.value)} />
        {(kind === 'call' || kind === 'meeting') && (
          <input type="number" min={0} className="short" aria-label={t('history.duration')} placeholder={t('history.duration')} value={duration} onChange={(e) => setDuration(e.target.value)} />
        )}
      </div>
      <textarea
        aria-label={t('history.text')}
        placeholder={t('history.textPlaceholder')}
        value={text}
        rows={2}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
        }}
      />
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit" className="primary" disabled={busy}>{t('history.add')}</button>
    </form>
  );
}
