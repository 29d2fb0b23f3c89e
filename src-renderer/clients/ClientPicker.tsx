import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClientSearch } from './useClientSearch';

export interface PickedClient {
  id: string;
  name: string;
}

/**
 * Choose a client by typing part of a name, phone or ИНН (the client search, first 8
 * matches): every form that links something to a client (task, deal, filters) uses it.
 */
export function ClientPicker({
  value,
  onChange,
  error,
  testId = 'picked-client',
}: {
  value: PickedClient | null;
  onChange: (c: PickedClient | null) => void;
  error?: string;
  /** Names the chosen client's text for tests where two pickers share a screen. */
  testId?: string;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const [search, setSearch] = useState('');
  const { rows } = useClientSearch(search, 8);
  if (value) {
    return (
      <div className="field">
        <span className="field-label">{t('clientPicker.label')}</span>
        <div className="row picked">
          <strong data-testid={testId}>{value.name}</strong>
          <button type="button" className="link" onClick={() => onChange(null)}>
            {t('clientPicker.change')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="field client-picker">
      <label htmlFor={inputId}>{t('clientPicker.label')}</label>
      <input
        id={inputId}
        type="search"
        placeholder={t('clientPicker.search')}
        value={search}
        aria-invalid={!!error}
        onChange={(e) => setSearch(e.target.value)}
      />
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
      {rows.length > 0 && (
        <ul className="picker-results" role="listbox" aria-label={t('clientPicker.label')}>
          {rows.map((r) => (
            <li key={r.id} role="option" aria-selected={false}>
              <button type="button" onClick={() => onChange({ id: r.id, name: r.name })}>
                {r.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
