import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcOutput } from '../api/client';

type Found = ProcOutput<'clients.list'>['rows'][number];

/** Search-as-you-type client choice (the core's search, first 8 matches). */
export function ClientPicker(props: { value: { id: string; name: string } | null; onChange: (v: { id: string; name: string } | null) => void; error?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [found, setFound] = useState<Found[]>([]);
  useEffect(() => {
    if (text.trim().length < 2) {
      setFound([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      void call('clients.list', { query: { search: text }, limit: 8 }).then((r) => live && setFound(r.rows), () => live && setFound([]));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);

  if (props.value) {
    return (
      <div className="field">
        <label htmlFor={id}>{t('tasks.fields.client')}</label>
        <div className="row picked">
          <span id={id} data-testid="task-client">{props.value.name}</span>
          <button type="button" className="link" onClick={() => props.onChange(null)}>{t('tasks.changeClient')}</button>
        </div>
      </div>
    );
  }
  return (
    <div className="field client-picker">
      <label htmlFor={id}>{t('tasks.fields.client')}</label>
      <input id={id} value={text} placeholder={t('tasks.clientSearch')} onChange={(e) => setText(e.target.value)} aria-invalid={!!props.error} />
      {found.length > 0 && (
        <ul className="picker-results" role="listbox">
          {found.map((c) => (
            <li key={c.id}>
              <button type="button" onClick={() => props.onChange({ id: c.id, name: c.name })}>{c.name}</button>
            </li>
          ))}
        </ul>
      )}
      {props.error && <div className="field-error" role="alert">{props.error}</div>}
    </div>
  );
}
