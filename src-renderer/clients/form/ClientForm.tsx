import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { errorText } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { MultiInput } from '../../ui/MultiInput';
import { fieldErrors } from '../../ui/fieldErrors';
import { notify } from '../../ui/toast';
import { useLookups } from '../../settings/lookups';
import { useDuplicates } from './useDuplicates';
import { DuplicateWarning } from './DuplicateWarning';
import { TextField, SelectField } from '../../ui/fields';
import { useApp } from '../../app/store';
import { lastClientKind, rememberClientKind, type ClientKind as Kind } from './lastKind';

const RELATIONS = ['client', 'prospect', 'partner', 'agent', 'supplier', 'competitor'] as const;

export function ClientForm(props: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const { users, tags } = useLookups();
  const me = useApp((s) => s.workspace?.userId ?? '');
  const [kind, setKind] = useState<Kind>(lastClientKind);
  // Responsible: the user entering the client, as in amoCRM and Bitrix24.
  const [f, setF] = useState({ name: '', lastName: '', firstName: '', middleName: '', inn: '', kpp: '', ogrn: '', relation: 'client', responsibleId: me, region: '', source: '' });
  const [phones, setPhones] = useState<string[]>(['']);
  const [emails, setEmails] = useState<string[]>(['']);
  const [tagIds, setTagIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const duplicates = useDuplicates({ inn: f.inn, phones, emails });
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const dirty =
    Object.entries(f).some(([k, v]) => v !== '' && !(k === 'relation' && v === 'client') && !(k === 'responsibleId' && v === me)) ||
    phones.some(Boolean) || emails.some(Boolean) || tagIds.length > 0;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      const res = await call('clients.create', {
        kind,
        name: kind === 'organization' ? f.name : null,
        lastName: kind !== 'organization' ? f.lastName : null,
        firstName: kind !== 'organization' ? f.firstName : null,
        middleName: kind !== 'organization' ? f.middleName : null,
        inn: f.inn,
        kpp: kind === 'organization' ? f.kpp : null,
        ogrn: kind !== 'person' ? f.ogrn : null,
        relation: f.relation as (typeof RELATIONS)[number],
        responsibleId: f.responsibleId || null,
        region: f.region,
        source: f.source,
        phones: phones.map((raw) => ({ raw, label: null })),
        emails: emails.map((address) => ({ address, label: null })),
        tagIds,
      });
      rememberClientKind(kind);
      notify(t('form.created'));
      props.onCreated(res.id);
    } catch (err) {
      const fe = fieldErrors(err);
      setErrors(fe);
      setFormError(Object.keys(fe).length ? t('form.fixErrors') : errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('form.title')} onClose={props.onClose} wide testId="client-form" dirty={dirty}>
      <form onSubmit={submit} noValidate>
        <div className="segmented" role="radiogroup" aria-label={t('fields.kind')}>
          {(['organization', 'sole_trader', 'person'] as const).map((k) => (
            <label key={k} className={kind === k ? 'on' : ''}>
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {t(`kinds.${k}`)}
            </label>
          ))}
        </div>
        <div className="grid2">
          {kind === 'organization' ? (
            <TextField label={t('fields.name')} value={f.name} onChange={set('name')} error={errors.name} autoFocus />
          ) : (
            <>
              <TextField label={t('fields.lastName')} value={f.lastName} onChange={set('lastName')} error={errors.lastName} autoFocus />
              <TextField label={t('fields.firstName')} value={f.firstName} onChange={set('firstName')} />
              <TextField label={t('fields.middleName')} value={f.middleName} onChange={set('middleName')} />
            </>
          )}
          <SelectField label={t('fields.relation')} value={f.relation} onChange={set('relation')} options={RELATIONS.map((r) => [r, t(`relations.${r}`)])} />
          <SelectField label={t('fields.responsibleId')} value={f.responsibleId} onChange={set('responsibleId')} options={[['', t('common.none')], ...users.filter((u) => u.active).map((u) => [u.id, u.name] as [string, string])]} error={errors.responsibleId} />
        </div>
        <div className="grid2">
          <MultiInput label={t('fields.phones')} values={phones} onChange={setPhones} addLabel={t('form.addPhone')} placeholder={t('form.phonePlaceholder')} type="tel" errors={errors} errorPrefix="phones" />
          <MultiInput label={t('fields.emails')} values={emails} onChange={setEmails} addLabel={t('form.addEmail')} placeholder={t('form.emailPlaceholder')} type="email" errors={errors} errorPrefix="emails" />
        </div>
        {kind !== 'person' && (
          <fieldset>
            <legend>{t('form.requisites')}</legend>
            <div className="grid3">
              <TextField label={t('fields.inn')} value={f.inn} onChange={set('inn')} error={errors.inn} inputMode="numeric" />
              {kind === 'organization' && <TextField label={t('fields.kpp')} value={f.kpp} onChange={set('kpp')} error={errors.kpp} />}
              <TextField label={t('fields.ogrn')} value={f.ogrn} onChange={set('ogrn')} error={errors.ogrn} inputMode="numeric" />
            </div>
          </fieldset>
        )}
        {kind === 'person' && <TextField label={t('fields.inn')} value={f.inn} onChange={set('inn')} error={errors.inn} inputMode="numeric" />}
        <div className="grid2">
          <TextField label={t('fields.region')} value={f.region} onChange={set('region')} />
          <TextField label={t('fields.source')} value={f.source} onChange={set('source')} />
        </div>
        {tags.length > 0 && (
          <fieldset className="tag-picker">
            <legend>{t('fields.tagIds')}</legend>
            {tags.map((tag) => (
              <label key={tag.id} className="tag-option" style={{ borderColor: tag.color }}>
                <input type="checkbox" checked={tagIds.includes(tag.id)} onChange={(e) => setTagIds(e.target.checked ? [...tagIds, tag.id] : tagIds.filter((x) => x !== tag.id))} />
                {tag.name}
              </label>
            ))}
          </fieldset>
        )}
        {/* Pinned to the dialog's bottom edge: the warning is in sight whichever field found the duplicate. */}
        <div className="form-footer">
          <DuplicateWarning hits={duplicates} onOpen={props.onClose} />
          {formError && <p className="error" role="alert">{formError}</p>}
          <div className="actions">
            <button type="button" onClick={props.onClose}>{t('common.cancel')}</button>
            <button type="submit" className="primary" disabled={busy}>{t('common.create')}</button>
          </div>
        </div>
      </form>
    </Dialog>
  );
}
