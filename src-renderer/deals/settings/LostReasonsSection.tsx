import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { ConfirmedDelete } from '../../ui/ConfirmedDelete';
import { useAction } from '../../ui/useAction';
import { useDeals } from '../store';

/** Reasons offered when a deal is closed as lost; deleting one keeps it on deals already lost for it. */
export function LostReasonsSection() {
  const { t } = useTranslation();
  const { lostReasons, reload } = useDeals();
  const [name, setName] = useState('');
  const { run } = useAction(reload);
  return (
    <section className="panel" data-testid="lost-reasons-settings">
      <h2>{t('deals.settings.lostReasons')}</h2>
      <ul className="settings-list">
        {lostReasons.map((r) => (
          <li key={r.id}>
            <input aria-label={t('common.name')} defaultValue={r.name} onBlur={(e) => e.target.value.trim() && e.target.value !== r.name && run(() => call('lostReasons.rename', { id: r.id, name: e.target.value }))} />
            <ConfirmedDelete question={t('deals.settings.deleteReasonConfirm', { name: r.name })} onConfirmed={() => run(() => call('lostReasons.archive', { id: r.id }))} />
          </li>
        ))}
      </ul>
      <form
        className="row"
        onSubmit={async (e) => {
          e.preventDefault();
          if (name.trim() && (await run(() => call('lostReasons.create', { name })))) setName('');
        }}
      >
        <input aria-label={t('deals.settings.newReason')} placeholder={t('deals.settings.newReason')} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit">{t('common.add')}</button>
      </form>
    </section>
  );
}
