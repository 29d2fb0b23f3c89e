import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { errorText } from '../i18n';
import { Dialog } from '../ui/Dialog';
import { fieldErrors } from '../ui/fieldErrors';
import { notify } from '../ui/toast';

export type QuickLogKind = 'call' | 'note';

/**
 * A call or a note logged on a deal straight from the board: it goes into the
 * history of the deal and of its client, as if written on the deal card.
 */
export function QuickLogDialog({ kind, deal, onClose }: { kind: QuickLogKind; deal: { id: string; title: string; clientId: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [direction, setDirection] = useState<'out' | 'in'>('out');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await call('history.add', {
        clientId: deal.clientId,
        dealId: deal.id,
        kind,
        direction: kind === 'call' ? direction : null,
        occurredAt: new Date().toISOString(),
        text,
      });
      notify(t(kind === 'call' ? 'deals.quick.callLogged' : 'deals.quick.noteLogged', { title: deal.title }));
      onClose();
    } catch (err) {
      setError(fieldErrors(err).text ?? errorText(err));
      setBusy(false);
    }
  };
  return (
    <Dialog title={t(kind === 'call' ? 'deals.quick.callTitle' : 'deals.quick.noteTitle', { title: deal.title })} onClose={onClose} testId="quick-log" dirty={!!text}>
      <form onSubmit={(e) => void submit(e)}>
        {kind === 'call' && (
          <div className="row">
            {(['out', 'in'] as const).map((d) => (
              <label key={d} className="inline">
                <input type="radio" name="call-direction" checked={direction === d} onChange={() => setDirection(d)} />
                {t(`history.direction.${d}`)}
              </label>
            ))}
          </div>
        )}
        <div className="field">
          <label htmlFor="quick-log-text">{t(kind === 'call' ? 'deals.quick.callText' : 'deals.quick.noteText')}</label>
          <textarea id="quick-log-text" rows={4} autoFocus value={text} aria-invalid={!!error} onChange={(e) => setText(e.target.value)} />
          {error && <div className="field-error" role="alert">{error}</div>}
        </div>
        <div className="actions">
          <button type="button" onClick={onClose}>{t('common.cancel')}</button>
          <button type="submit" className="primary" disabled={busy}>{t('common.save')}</button>
        </div>
      </form>
    </Dialog>
  );
}
