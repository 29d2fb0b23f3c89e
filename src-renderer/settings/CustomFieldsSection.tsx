import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcOutput } from '../api/client';
import { ConfirmedDelete } from '../ui/ConfirmedDelete';
import { useLookups } from './lookups';
import { useAction } from '../ui/useAction';

const TYPES = ['text', 'number', 'date', 'select', 'checkbox'] as const;

/** Users adapt the box without a programmer: fields appear on cards and in filters. */
export function CustomFieldsSection(props: {
  entity?: 'client' | 'deal';
  title?: string;
  /** Fields of another entity (deals keep theirs in their own store) and how to refresh them. */
  fields?: ProcOutput<'customFields.list'>;
  onChanged?: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const entity = props.entity ?? 'client';
  const clientFields = useLookups((s) => s.fields);
  const fields = props.fields ?? clientFields;
  const [name, setName] = useState('');
  const [type, setType] = useState<(typeof TYPES)[number]>('text');
  const [options, setOptions] = useState('');
  const reloadLookups = useLookups((s) => s.reload);
  const { onChanged } = props;
  const { run } = useAction(useCallback(() => Promise.all([reloadLookups(), onChanged?.()]), [reloadLookups, onChanged]));
  const lines = (s: string) => s.split('\n').map((x) => x.trim()).filter(Boolean);
  return (
    <section className="panel">
      <h2>{props.title ?? t('settings.customFields')}</h2>
      <ul className="settings-list">
        {fields.map((f) => (
          <li key={f.id}>
            <input aria-label={t('common.name')} defaultValue={f.name} onBlur={(e) => e.target.value.trim() && e.target.value !== f.name && run(() => call('customFields.update', { id: f.id, name: e.target.value, options: f.options }))} />
            <span className="muted">{t(`settings.fieldTypes.${f.type}`)}</span>
            {f.type === 'select' && (
              <textarea aria-label={t('settings.fieldOptions')} defaultValue={f.options.join('\n')} rows={2} onBlur={(e) => run(() => call('customFields.update', { id: f.id, name: f.name, options: lines(e.target.value) }))} />
            )}
            <ConfirmedDelete question={t('settings.archiveFieldConfirm', { name: f.name })} onConfirmed={() => run(() => call('customFields.archive', { id: f.id }))} />
          </li>
        ))}
      </ul>
      <form
        className="row"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!name.trim()) return;
          if (await run(() => call('customFields.create', { entity, name, type, options: lines(options) }))) {
            setName('');
            setOptions('');
          }
        }}
      >
        <input aria-label={t('common.name')} placeholder={t('common.name')} value={name} onChange={(e) => setName(e.target.value)} />
        <select aria-label={t('settings.fieldType')} value={type} onChange={(e) => setType(e.target.value as never)}>
          {TYPES.map((x) => <option key={x} value={x}>{t(`settings.fieldTypes.${x}`)}</option>)}
        </select>
        {type === 'select' && <textarea aria-label={t('settings.fieldOptions')} placeholder={t('settings.fieldOptions')} value={options} rows={2} onChange={(e) => setOptions(e.target.value)} />}
        <button type="submit">{t('settings.addField')}</button>
      </form>
    </section>
  );
}
