import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasFilters, useClients } from './store';
import { useLookups } from '../settings/lookups';
import { DateInput } from '../ui/dates/DateInput';
import { isIsoDate } from '../ui/dates/dateText';
import { formatDate } from '../i18n';

const KINDS = ['person', 'organization', 'sole_trader'] as const;
const RELATIONS = ['client', 'prospect', 'partner', 'agent', 'supplier', 'competitor'] as const;

export function ClientFilters() {
  const { t } = useTranslation();
  const { query, setQuery, resetFilters } = useClients();
  const { users, tags, regions, fields } = useLookups();
  const [fieldId, setFieldId] = useState('');
  const [fieldValue, setFieldValue] = useState('');
  const field = fields.find((f) => f.id === fieldId);
  const nullIfEmpty = (v: string) => (v === '' ? null : v);

  const addCustom = () => {
    if (!fieldId || fieldValue === '') return;
    if (field?.type === 'date' && !isIsoDate(fieldValue)) return;
    setQuery({ custom: [...query.custom.filter((c) => c.fieldId !== fieldId), { fieldId, value: fieldValue }] });
    setFieldValue('');
  };

  return (
    <div className="filters" role="search">
      <select aria-label={t('fields.kind')} value={query.kind ?? ''} onChange={(e) => setQuery({ kind: nullIfEmpty(e.target.value) as never })}>
        <option value="">{t('fields.kind')}: {t('common.all')}</option>
        {KINDS.map((k) => (
          <option key={k} value={k}>{t(`kinds.${k}`)}</option>
        ))}
      </select>
      <select aria-label={t('fields.relation')} value={query.relation ?? ''} onChange={(e) => setQuery({ relation: nullIfEmpty(e.target.value) as never })}>
        <option value="">{t('fields.relation')}: {t('common.all')}</option>
        {RELATIONS.map((r) => (
          <option key={r} value={r}>{t(`relations.${r}`)}</option>
        ))}
      </select>
      <select aria-label={t('clients.filterTag')} value={query.tagId ?? ''} onChange={(e) => setQuery({ tagId: nullIfEmpty(e.target.value) })}>
        <option value="">{t('clients.filterTag')}: {t('common.all')}</option>
        {tags.map((tag) => (
          <option key={tag.id} value={tag.id}>{tag.name}</option>
        ))}
      </select>
      <select aria-label={t('clients.filterResponsible')} value={query.responsibleId ?? ''} onChange={(e) => setQuery({ responsibleId: nullIfEmpty(e.target.value) })}>
        <option value="">{t('clients.filterResponsible')}: {t('common.all')}</option>
        <option value="none">{t('clients.noResponsible')}</option>
        {users.map((u) => (
          <option key={u.id} value={u.id}>{u.name}</option>
        ))}
      </select>
      <select aria-label={t('fields.region')} value={query.region ?? ''} onChange={(e) => setQuery({ region: nullIfEmpty(e.target.value) })}>
        <option value="">{t('fields.region')}: {t('common.all')}</option>
        {regions.map((r) => (
          <option key={r} value={r}>{r}</option>
        ))}
      </select>
      {fields.length > 0 && (
        <span className="custom-filter">
          <select aria-label={t('card.customFields')} value={fieldId} onChange={(e) => { setFieldId(e.target.value); setFieldValue(''); }}>
            <option value="">{t('card.customFields')}…</option>
            {fields.map((f) => (
              <option key={f.id} value={f.id}>{f.name}</option>
            ))}
          </select>
          {field && (field.type === 'select' ? (
            <select aria-label={field.name} value={fieldValue} onChange={(e) => setFieldValue(e.target.value)}>
              <option value="" />
              {field.options.map((o) => <option key={o} value={o}>{o}</option>)}
            </select>
          ) : field.type === 'checkbox' ? (
            <select aria-label={field.name} value={fieldValue} onChange={(e) => setFieldValue(e.target.value)}>
              <option value="" />
              <option value="1">{t('common.yes')}</option>
              <option value="0">{t('common.no')}</option>
            </select>
          ) : field.type === 'date' ? (
            <DateInput aria-label={field.name} value={fieldValue} onChange={setFieldValue} onKeyDown={(e) => e.key === 'Enter' && addCustom()} />
          ) : (
            <input aria-label={field.name} type={field.type === 'number' ? 'number' : 'text'} value={fieldValue} onChange={(e) => setFieldValue(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && addCustom()} />
          ))}
          {field && <button onClick={addCustom}>{t('common.add')}</button>}
        </span>
      )}
      {query.custom.map((c) => {
        const f = fields.find((x) => x.id === c.fieldId);
        return (
          <span key={c.fieldId} className="chip">
            {f?.name ?? '?'}: {f?.type === 'checkbox' ? (c.value === '1' ? t('common.yes') : t('common.no')) : f?.type === 'date' ? formatDate(c.value) : c.value}
            <button className="tag-x" aria-label={t('common.delete')} onClick={() => setQuery({ custom: query.custom.filter((x) => x.fieldId !== c.fieldId) })}>×</button>
          </span>
        );
      })}
      {hasFilters(query) && (
        <button className="link" onClick={resetFilters}>
          {t('clients.resetFilters')}
        </button>
      )}
      <button className="link" onClick={() => setQuery({ archived: !query.archived })}>
        {query.archived ? t('clients.showActive') : t('clients.showArchived')}
      </button>
    </div>
  );
}
