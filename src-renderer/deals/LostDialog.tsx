import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/Dialog';
import { useDeals } from './store';

/** Closing as lost: a reason from the configured list is required, a comment is optional. */
export function LostDialog({ title, onCancel, onConfirm }: { title: string; onCancel: () => void; onConfirm: (reasonId: string, comment: string) => void }) {
  const { t } = useTranslation();
  const reasons = useDeals((s) => s.lostReasons);
  const [reasonId, setReasonId] = useState('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog title={t('deals.lost.title', { title })} onClose={onCancel} testId="lost-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!reasonId) setError(t('errors.deal.lost_reason_required'));
          else onConfirm(reasonId, comment);
        }}
      >
        <div className="field">
          <label htmlFor="lost-reason">{t('deals.lost.reason')}</label>
          <select id="lost-reason" value={reasonId} autoFocus aria-invalid={!!error} onChange={(e) => setReasonId(e.target.value)}>
            <option value="">{t('deals.lost.choose')}</option>
            {reasons.map((r) => (
              <option key={r.id} value={r.id}>{r.name}</option>
            ))}
          </select>
          {error && <div className="field-error" role="alert">{error}</div>}
          {reasons.length === 0 && <p className="muted small">{t('deals.lost.noReasons')}</p>}
        </div>
        <div className="field">
          <label htmlFor="lost-comment">{t('deals.lost.comment')}</label>
          <textarea id="lost-comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
        </div>
        <div className="actions">
          <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
          <button type="submit" className="primary">{t('deals.lost.confirm')}</button>
        </div>
      </form>
    </Dialog>
  );
}
