import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcOutput } from '../../api/client';
import { errorText } from '../../i18n';
import { fieldErrors } from '../../ui/fieldErrors';
import { MultiInput } from '../../ui/MultiInput';
import { copyText } from '../../ui/clipboard';
import { notify, notifyError } from '../../ui/toast';
import { useDuplicates } from '../form/useDuplicates';
import { DuplicateWarning } from '../form/DuplicateWarning';
import { isMobile, telegramUrl, telUrl, whatsappUrl } from './phoneLinks';

type Card = ProcOutput<'clients.get'>;

/**
 * Phones and e-mails at the top of the card's side, each with what a manager does
 * with it: call (tel:), copy, write in WhatsApp or Telegram (mobiles), send a mail.
 */
export function CommunicationsPanel({ card, reload }: { card: Card; reload: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const copy = async (text: string) => {
    if (await copyText(text)) notify(t('card.copied', { text }));
    else notifyError(t('card.copyFailed'));
  };
  if (editing) return <PointsEditor card={card} reload={reload} onDone={() => setEditing(false)} />;
  return (
    <section className="panel comms" aria-label={t('card.communications')} data-testid="communications">
      <h2>
        {t('card.communications')}
        <span className="spacer" />
        {!card.archivedAt && (
          <button className="link" onClick={() => setEditing(true)} data-testid="edit-points">{t('common.edit')}</button>
        )}
      </h2>
      <h3>{t('fields.phones')}</h3>
      {card.phones.length === 0 && <p className="muted small">{t('card.noPhones')}</p>}
      <ul className="points-list">
        {card.phones.map((p, i) => {
          const shown = p.extension ? `${p.display} ${t('card.extension', { ext: p.extension })}` : p.display;
          return (
            <li key={`${p.digits}-${i}`} data-testid="phone">
              <a className="phone" href={telUrl(p.digits)} title={t('card.callHint', { phone: p.raw })}>{shown}</a>
              {p.label && <span className="muted small">{p.label}</span>}
              <span className="point-actions">
                <button type="button" className="icon-btn" aria-label={t('card.copyNamed', { text: shown })} title={t('card.copy')} onClick={() => void copy(shown)}>
                  <CopyIcon />
                </button>
                {isMobile(p.digits, p.extension, p.label) && (
                  <>
                    <a className="messenger wa" href={whatsappUrl(p.digits)} target="_blank" rel="noreferrer" aria-label={t('card.whatsappNamed', { phone: shown })} title="WhatsApp">WA</a>
                    <a className="messenger tg" href={telegramUrl(p.digits)} target="_blank" rel="noreferrer" aria-label={t('card.telegramNamed', { phone: shown })} title="Telegram">TG</a>
                  </>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      <h3>{t('fields.emails')}</h3>
      {card.emails.length === 0 && <p className="muted small">{t('card.noEmails')}</p>}
      <ul className="points-list">
        {card.emails.map((e) => (
          <li key={e.address} data-testid="email">
            <a className="email" href={`mailto:${e.address}`} title={t('card.mailHint')}>{e.address}</a>
            {e.label && <span className="muted small">{e.label}</span>}
            <span className="point-actions">
              <button type="button" className="icon-btn" aria-label={t('card.copyNamed', { text: e.address })} title={t('card.copy')} onClick={() => void copy(e.address)}>
                <CopyIcon />
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function PointsEditor({ card, reload, onDone }: { card: Card; reload: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [phones, setPhones] = useState<string[]>(() => card.phones.map((p) => p.raw));
  const [emails, setEmails] = useState<string[]>(() => card.emails.map((e) => e.address));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const duplicates = useDuplicates({ inn: '', phones, emails, excludeId: card.id });
  // Labels ("work", "mobile") of numbers the user kept are kept too.
  const phoneLabel = (raw: string) => card.phones.find((p) => p.raw === raw)?.label ?? null;
  const emailLabel = (address: string) => card.emails.find((e) => e.address === address)?.label ?? null;
  const save = async () => {
    try {
      await call('clients.update', {
        id: card.id,
        patch: {
          phones: phones.map((raw) => ({ raw, label: phoneLabel(raw) })),
          emails: emails.map((address) => ({ address, label: emailLabel(address) })),
        },
      });
      onDone();
      reload();
    } catch (e) {
      setErrors(fieldErrors(e));
      setError(errorText(e));
    }
  };
  return (
    <section className="panel comms points-editor" aria-label={t('card.communications')} data-testid="communications">
      <h2>{t('card.communications')}</h2>
      <MultiInput label={t('fields.phones')} values={phones} onChange={setPhones} addLabel={t('form.addPhone')} type="tel" errors={errors} errorPrefix="phones" />
      <MultiInput label={t('fields.emails')} values={emails} onChange={setEmails} addLabel={t('form.addEmail')} type="email" errors={errors} errorPrefix="emails" />
      <DuplicateWarning hits={duplicates} />
      {error && <p className="error">{error}</p>}
      <div className="actions">
        <button onClick={onDone}>{t('common.cancel')}</button>
        <button className="primary" onClick={save}>{t('common.save')}</button>
      </div>
    </section>
  );
}

function CopyIcon() {
  return (
    <svg width="13" height="13" viewBox="0 0 16 16" aria-hidden="true">
      <rect x="5" y="5" width="9" height="9.5" rx="1.5" fill="none" stroke="currentColor" />
      <path d="M11 3V2.5A1.5 1.5 0 0 0 9.5 1h-6A1.5 1.5 0 0 0 2 2.5v7A1.5 1.5 0 0 0 3.5 11H4" fill="none" stroke="currentColor" />
    </svg>
  );
}
