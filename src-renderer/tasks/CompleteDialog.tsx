import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { taskErrorText } from './taskErrors';
import { Dialog } from '../ui/Dialog';
import { TextField } from '../ui/fields';
import { notify } from '../ui/toast';
import { useTasks } from './store';

/** Done: a short result (it goes into the client's history, and the deal's) and the time actually spent. */
export function CompleteDialogHost() {
  const task = useTasks((s) => s.completing);
  if (!task) return null;
  return <CompleteDialog key={task.id} />;
}

function CompleteDialog() {
  const { t } = useTranslation();
  const { completing: task, complete, changed } = useTasks();
  const [result, setResult] = useState('');
  const [spent, setSpent] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!task) return null;
  const close = () => complete(null);

  const submit = async (e?: React.FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    const minutes = spent.trim() ? Number(spent) : null;
    if (minutes !== null && (!Number.isInteger(minutes) || minutes < 0 || minutes > 1440)) {
      setError(`${t('tasks.fields.spent')}: ${t('tasks.spentInvalid')}`);
      return;
    }
    setBusy(true);
    try {
      const done = await call('tasks.complete', { id: task.id, result, spentMin: minutes });
      changed();
      close();
      notify(task.clientId ? t('tasks.doneToClient', { client: task.clientName }) : t('tasks.doneToast'), {
        label: t('common.undo'),
        run: () => void call('tasks.reopen', { id: task.id, historyId: done.historyId }).then(changed),
      });
    } catch (err) {
      setError(taskErrorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('tasks.completeTitle', { title: task.title })} onClose={close} testId="complete-dialog" dirty={!!result || !!spent}>
      <form onSubmit={submit} onKeyDown={(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && void submit()}>
        <TextField label={t('tasks.fields.result')} value={result} onChange={setResult} multiline autoFocus />
        {task.clientName && (
          <p className="muted small">
            {task.dealTitle ? t('tasks.resultGoesToDeal', { client: task.clientName, deal: task.dealTitle }) : t('tasks.resultGoesTo', { client: task.clientName })}
          </p>
        )}
        <TextField label={t('tasks.fields.spent')} type="number" inputMode="numeric" value={spent} onChange={setSpent} />
        {error && <p className="error" role="alert">{error}</p>}
        <div className="actions">
          <button type="button" onClick={close}>{t('common.cancel')}</button>
          <button type="submit" className="primary" disabled={busy}>{t('tasks.complete')}</button>
        </div>
      </form>
    </Dialog>
  );
}
