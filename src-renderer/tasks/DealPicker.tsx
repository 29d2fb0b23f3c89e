import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcOutput } from '../api/client';

type ClientDeal = ProcOutput<'deals.byClient'>['rows'][number];
type Found = ProcOutput<'deals.list'>['rows'][number];
export interface PickedDeal {
  id: string;
  title: string;
  /** Set when the deal was found by search: its client comes along. */
  client?: { id: string; name: string };
}

/**
 * Choose a deal: with a client chosen, one of that client's deals (open first);
 * without, search deals by title or client name (the deal list's text filter).
 */
export function DealPicker(props: { clientId: string | null; value: { id: string; title: string } | null; onChange: (d: PickedDeal | null) => void; error?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const { clientId } = props;
  const [ofClient, setOfClient] = useState<ClientDeal[] | null>(null);
  const [text, setText] = useState('');
  // null: nothing searched yet (or a search under way); []: searched, nothing found.
  const [found, setFound] = useState<Found[] | null>(null);

  useEffect(() => {
    setOfClient(null);
    if (!clientId) return;
    let live = true;
    call('deals.byClient', { clientId }).then((r) => live && setOfClient(r.rows), () => live && setOfClient([]));
    return () => {
      live = false;
    };
  }, [clientId]);
  useEffect(() => {
    setFound(null);
    if (clientId || text.trim().length < 2) return;
    let live = true;
    const timer = setTimeout(() => {
      call('deals.list', { status: 'all', filter: { text }, limit: 8, withTotals: false }).then((r) => live && setFound(r.rows), () => live && setFound([]));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, clientId]);

  const error = props.error && <div className="field-error" role="alert">{props.error}</div>;
  if (props.value) {
    return (
      <div className="field">
        <label htmlFor={id}>{t('tasks.fields.deal')}</label>
        <div className="row picked">
          <span id={id} data-testid="task-deal">{props.value.title}</span>
          <button type="button" className="link" onClick={() => props.onChange(null)}>{t('tasks.changeDeal')}</button>
        </div>
        {error}
      </div>
    );
  }
  if (clientId) {
    return (
      <div className="field">
        <label htmlFor={id}>{t('tasks.fields.deal')}</label>
        <select
          id={id}
          value=""
          disabled={!ofClient?.length}
          aria-invalid={!!props.error}
          onChange={(e) => {
            const d = ofClient?.find((x) => x.id === e.target.value);
            if (d) props.onChange({ id: d.id, title: d.title });
          }}
        >
          <option value="">{ofClient && ofClient.length === 0 ? t('tasks.noClientDeals') : t('common.none')}</option>
          {ofClient?.map((d) => (
            <option key={d.id} value={d.id}>
              {d.stageKind === 'open' ? d.title : `${d.title} (${d.stageName})`}
            </option>
          ))}
        </select>
        {error}
      </div>
    );
  }
  return (
    <div className="field client-picker">
      <label htmlFor={id}>{t('tasks.fields.deal')}</label>
      <input id={id} value={text} placeholder={t('tasks.dealSearch')} onChange={(e) => setText(e.target.value)} aria-invalid={!!props.error} />
      {found?.length === 0 && <p className="muted small" role="status">{t('tasks.noDealsFound')}</p>}
      {found && found.length > 0 && (
        <ul className="picker-results">
          {found.map((d) => (
            <li key={d.id}>
              <button type="button" onClick={() => props.onChange({ id: d.id, title: d.title, client: { id: d.clientId, name: d.clientName } })}>
                {d.title} — {d.clientName}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error}
    </div>
  );
}
