import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcOutput, type ProcInput } from '../../api/client';
import { errorText, formatDate } from '../../i18n';
import { fieldErrors } from '../../ui/fieldErrors';
import { TagChip } from '../../ui/TagChip';
import { useLookups } from '../../settings/lookups';
import { InlineField, type InlineKind } from './InlineField';

type Card = ProcOutput<'clients.get'>;
type Patch = ProcInput<'clients.update'>['patch'];

const RELATIONS = ['client', 'prospect', 'partner', 'agent', 'supplier', 'competitor'];
const STATUSES = ['active', 'inactive', 'blocked'];

export function ProfilePanel({ card, reload }: { card: Card; reload: () => void }) {
  const { t } = useTranslation();
  const { users, tags, fields: customFields } = useLookups();
  const f = card.fields;

  const save = async (patch: Patch, field: string): Promise<string | null> => {
    try {
      await call('clients.update', { id: card.id, patch });
      reload();
      return null;
    } catch (e) {
      const fe = fieldErrors(e);
      return fe[field] ?? Object.values(fe)[0] ?? errorText(e);
    }
  };
  const text = (field: keyof Card['fields'] & string, kind: InlineKind = 'text') => (
    <InlineField
      key={field}
      label={t(`fields.${field}`)}
      value={(f[field] as string | null) ?? null}
      display={kind === 'date' ? formatDate(f[field] as string | null) || null : undefined}
      kind={kind}
      testId={`field-${field}`}
      onSave={(v) => save({ [field]: v } as Patch, field)}
    />
  );
  const choice = (field: 'relation' | 'status' | 'responsibleId', options: [string, string][], display: string | null) => (
    <InlineField key={field} label={t(`fields.${field}`)} value={(f[field] as string | null) ?? ''} display={display} kind="select" options={options} testId={`field-${field}`} onSave={(v) => save({ [field]: v } as Patch, field)} />
  );
  const isOrg = f.kind === 'organization';

  return (
    <section className="panel" aria-label={t('card.profile')}>
      <h2>{t('card.profile')}</h2>
      {f.kind !== 'person' && (
        <InlineField label={t('fields.name')} value={f.name ?? card.name} testId="field-name" onSave={(v) => save({ name: v }, 'name')} />
      )}
      {!isOrg && (<>{text('lastName')}{text('firstName')}{text('middleName')}</>)}
      {choice('relation', RELATIONS.map((r) => [r, t(`relations.${r}`)]), t(`relations.${f.relation}`))}
      {choice('status', STATUSES.map((s) => [s, t(`statuses.${s}`)]), t(`statuses.${f.status}`))}
      {choice('responsibleId', [['', t('common.none')], ...users.map((u) => [u.id, u.name] as [string, string])], card.responsible?.name ?? null)}
      <TagsEditor card={card} allTags={tags} onSave={(tagIds) => save({ tagIds }, 'tagIds')} />
      {text('region')}
      {/* A person has one address: where they live or receive visitors. */}
      {f.kind === 'person' && (
        <InlineField label={t('card.address')} value={f.actualAddress ?? null} testId="field-actualAddress" onSave={(v) => save({ actualAddress: v }, 'actualAddress')} />
      )}
      {text('source')}
      {text('industry')}
      {f.kind === 'person' && text('birthday', 'date')}
      {text('website')}
      <h3>{t('form.requisites')}</h3>
      {isOrg && text('fullName')}
      {text('inn')}
      {isOrg && text('kpp')}
      {f.kind !== 'person' && text('ogrn')}
      {f.kind !== 'person' && text('legalAddress')}
      {text('actualAddress')}
      {f.kind !== 'person' && (
        <>
          <h3>{t('form.bank')}</h3>
          {text('bankName')}
          {text('bankBik')}
          {text('bankAccount')}
          {text('bankCorrAccount')}
        </>
      )}
      {customFields.length > 0 && <h3>{t('card.customFields')}</h3>}
      {customFields.map((cf) => (
        <InlineField
          key={cf.id}
          label={cf.name}
          value={(f.custom[cf.id] as string | undefined) ?? null}
          kind={cf.type === 'select' ? 'select' : cf.type === 'checkbox' ? 'checkbox' : cf.type}
          options={cf.type === 'select' ? [['', t('common.none')], ...cf.options.map((o) => [o, o] as [string, string])] : undefined}
          display={cf.type === 'date' ? formatDate((f.custom[cf.id] as string | undefined) ?? null) || null : undefined}
          testId={`custom-${cf.name}`}
          onSave={(v) => save({ custom: { [cf.id]: v } }, `custom.${cf.id}`)}
        />
      ))}
      <h3>{t('fields.notes')}</h3>
      {text('notes', 'textarea')}
    </section>
  );
}

function TagsEditor(props: { card: Card; allTags: { id: string; name: string; color: string }[]; onSave: (ids: string[]) => Promise<string | null> }) {
  const { t } = useTranslation();
  const current = props.card.tags;
  // Each change is computed from the card as last saved: wait for it before the next.
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (ids: string[]) => {
    if (busy) return;
    setBusy(true);
    setError(await props.onSave(ids));
    setBusy(false);
  };
  const available = props.allTags.filter((x) => !current.some((c) => c.id === x.id));
  return (
    <div className="inline-field">
      <span className="inline-label">{t('fields.tagIds')}</span>
      <span className="tags-editor">
        {current.length === 0 && <span className="muted">{t('card.noTags')}</span>}
        {current.map((tag) => (
          <TagChip key={tag.id} tag={tag} onRemove={busy ? undefined : () => void save(current.filter((c) => c.id !== tag.id).map((c) => c.id))} />
        ))}
        {available.length > 0 && (
          <select aria-label={t('clients.bulk.addTag')} value="" disabled={busy} onChange={(e) => e.target.value && void save([...current.map((c) => c.id), e.target.value])}>
            <option value="">+ {t('clients.bulk.addTag')}</option>
            {available.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
          </select>
        )}
        {error && <span className="field-error" role="alert">{error}</span>}
      </span>
    </div>
  );
}
