import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClientSearch } from '../clients/useClientSearch';

/** Choose a client by typing part of a name, phone or ИНН (the client search). */
export function ClientPicker({
  value,
  onChange,
  error,
  inputId = 'deal-client',
}: {
  value: { id: string; name: string } | null;
  onChange: (c: { id: string; name: string } | null) => void;
  error?: string;
  /** Unique per page (the board can show a quick form beside the new-deal dialog). */
  inputId?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const { rows } = useClientSearch(search, 8);
  if (value) {
    return (
      <div className="field">
        <span className="field-label">{t('deals.fields.client')}</span>
        <div className="row">
          <strong data-testid="picked-client">{value.name}</strong>
          <button type="button" className="link" onClick={() => onChange(null)}>{t('deals.form.changeClient')}</button>
        </div>
      </div>
    );
  }
  return (
    <div className="field">
      <label htmlFor={inputId}>{t('deals.fields.client')}</label>
      <input id={inputId} type="search" placeholder={t('deals.form.clientSearch')} value={search} aria-invalid={!!error} onChange={(e) => setSearch(e.target.value)} />
      {error && <div className="field-error" role="alert">{error}</div>}
      {rows.length > 0 && (
        <ul className="picker-results" role="listbox" aria-label={t('deals.fields.client')}>
          {rows.map((r) => (
            <li key={r.id} role="option" aria-selected={false}>
              <button type="button" className="link" onClick={() => onChange({ id: r.id, name: r.name })}>{r.name}</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
