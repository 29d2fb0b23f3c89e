import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { errorText } from '../../i18n';
import { Dialog, confirmAction } from '../../ui/Dialog';
import { notify } from '../../ui/toast';
import { useClientSearch } from '../useClientSearch';

export function MergeDialog(props: { keep: { id: string; name: string }; onClose: () => void; onMerged: () => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { rows } = useClientSearch(q, 10);
  const candidates = rows.filter((r) => r.id !== props.keep.id);
  const merge = async (other: { id: string; name: string }) => {
    if (busy) return;
    if (!(await confirmAction(`${t('merge.title')}: «${other.name}» → «${props.keep.name}»?`))) return;
    setBusy(true);
    try {
      await call('clients.merge', { keepId: props.keep.id, mergeId: other.id });
      notify(t('merge.done'));
      props.onMerged();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('merge.title')} onClose={props.onClose} testId="merge-dialog">
      <p className="muted">{t('merge.hint', { name: props.keep.name })}</p>
      <input autoFocus className="search-input" aria-label={t('merge.search')} placeholder={t('merge.search')} value={q} onChange={(e) => setQ(e.target.value)} />
      <ul className="search-results">
        {candidates.map((r) => (
          <li key={r.id}>
            <span>
              <strong>{r.name}</strong> <span className="muted">{[r.phone, r.inn, r.email].filter(Boolean).join(' · ')}</span>
            </span>
            <button disabled={busy} onClick={() => merge(r)}>{t('merge.confirm')}</button>
          </li>
        ))}
      </ul>
      {error && <p className="error" role="alert">{error}</p>}
    </Dialog>
  );
}
