import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcOutput } from '../../api/client';
import { errorText, formatDate } from '../../i18n';
import { Dialog, confirmAction } from '../../ui/Dialog';
import { MultiInput } from '../../ui/MultiInput';
import { TextField } from '../../ui/fields';
import { fieldErrors } from '../../ui/fieldErrors';
import { notifyError } from '../../ui/toast';
import { DateField } from '../../ui/dates/fields';

type Card = ProcOutput<'clients.get'>;
type Contact = Card['contacts'][number];

export function ContactsPanel({ card, reload }: { card: Card; reload: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const remove = async (c: Contact) => {
    if (!(await confirmAction(t('card.archiveContactConfirm', { name: c.name })))) return;
    try {
      await call('contacts.archive', { id: c.id, archived: true });
      reload();
    } catch (e) {
      notifyError(errorText(e));
    }
  };
  const restore = async (id: string) => {
    try {
      await call('contacts.archive', { id, archived: false });
      reload();
    } catch (e) {
      notifyError(errorText(e));
    }
  };
  return (
    <section className="panel" aria-label={t('card.contacts')}>
      <h2>
        {t('card.contacts')}
        <button className="link" onClick={() => setEditing('new')}>{t('card.addContact')}</button>
      </h2>
      {card.contacts.length === 0 && <p className="muted">{t('card.noContacts')}</p>}
      <ul className="contacts">
        {card.contacts.map((c) => (
          <li key={c.id} data-testid="contact">
            <div>
              <strong>{c.name}</strong>
              {c.position && <span className="muted"> · {c.position}</span>}
              {c.birthday && <span className="muted"> · {t('fields.birthday')}: {formatDate(c.birthday)}</span>}
            </div>
            <div className="points">
              {c.phones.map((p, i) => <a key={`${p.digits}-${i}`} className="phone" href={`tel:+${p.digits}`}>{p.display}{p.extension && ` ${t('card.extension', { ext: p.extension })}`}</a>)}
              {c.emails.map((e) => <a key={e.address} className="email" href={`mailto:${e.address}`}>{e.address}</a>)}
            </div>
            {c.notes && <p className="muted small">{c.notes}</p>}
            <div className="row-actions">
              <button className="link" onClick={() => setEditing(c)}>{t('common.edit')}</button>
              <button className="link danger" onClick={() => remove(c)}>{t('card.archiveContact')}</button>
            </div>
          </li>
        ))}
      </ul>
      {card.archivedContacts.length > 0 && (
        <details className="archived-contacts">
          <summary className="muted">{t('card.archivedContacts', { count: card.archivedContacts.length })}</summary>
          <ul>
            {card.archivedContacts.map((c) => (
              <li key={c.id}>
                {c.name}
                {c.position && <span className="muted"> · {c.position}</span>}{' '}
                <button className="link" onClick={() => restore(c.id)}>{t('card.restoreContact')}</button>
              </li>
            ))}
          </ul>
        </details>
      )}
      {editing && (
        <ContactDialog
          clientId={card.id}
          contact={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
    </section>
  );
}

function ContactDialog(props: { clientId: string; contact: Contact | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const c = props.contact;
  const [name, setName] = useState(c?.name ?? '');
  const [position, setPosition] = useState(c?.position ?? '');
  const [birthday, setBirthday] = useState(c?.birthday ?? '');
  const [notes, setNotes] = useState(c?.notes ?? '');
  const [phones, setPhones] = useState<string[]>(c?.phones.map((p) => p.raw) ?? ['']);
  const [emails, setEmails] = useState<string[]>(c?.emails.map((e) => e.address) ?? ['']);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dirty =
    name !== (c?.name ?? '') || position !== (c?.position ?? '') || birthday !== (c?.birthday ?? '') || notes !== (c?.notes ?? '') ||
    phones.join('\n') !== (c?.phones.map((p) => p.raw) ?? ['']).join('\n') ||
    emails.join('\n') !== (c?.emails.map((e) => e.address) ?? ['']).join('\n');
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const fields = {
      name,
      position,
      birthday: birthday || null,
      notes,
      phones: phones.map((raw) => ({ raw, label: null })),
      emails: emails.map((address) => ({ address, label: null })),
    };
    try {
      if (c) await call('contacts.update', { id: c.id, fields });
      else await call('contacts.create', { clientId: props.clientId, fields });
      props.onSaved();
    } catch (err) {
      setErrors(fieldErrors(err));
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('card.editContact')} onClose={props.onClose} testId="contact-form" dirty={dirty}>
      <form onSubmit={submit} noValidate>
        <TextField label={t('common.name')} value={name} onChange={setName} error={errors['fields.name'] ?? errors.name} autoFocus />
        <TextField label={t('fields.position')} value={position} onChange={setPosition} />
        <DateField label={t('fields.birthday')} value={birthday} onChange={setBirthday} error={errors['fields.birthday']} />
        <MultiInput label={t('fields.phones')} values={phones} onChange={setPhones} addLabel={t('form.addPhone')} type="tel" errors={errors} errorPrefix="phones" />
        <MultiInput label={t('fields.emails')} values={emails} onChange={setEmails} addLabel={t('form.addEmail')} type="email" errors={errors} errorPrefix="emails" />
        <TextField label={t('fields.notes')} value={notes} onChange={setNotes} multiline />
        {error && <p className="error" role="alert">{error}</p>}
        <div className="actions">
          <button type="button" onClick={props.onClose}>{t('common.cancel')}</button>
          <button type="submit" className="primary" disabled={busy}>{t('common.save')}</button>
        </div>
      </form>
    </Dialog>
  );
}
