import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcInput, type ProcOutput } from '../api/client';
import { errorText } from '../i18n';
import { Dialog } from '../ui/Dialog';
import { notifyError } from '../ui/toast';
import { taskWhen } from '../tasks/format';
import { useDeals } from './store';

export type OpenTasksChoice = NonNullable<ProcInput<'deals.move'>['openTasks']>;
type OpenTasks = ProcOutput<'tasks.openForDeal'>;

/** What the user chose when closing: the lost reason (lost only) and what becomes of the open tasks. */
export interface CloseChoice {
  lostReasonId?: string;
  lostComment?: string;
  openTasks: OpenTasksChoice;
}

interface Props {
  title: string;
  outcome: 'won' | 'lost';
  /** Whether a reason is asked (lost from an open stage or from won). */
  needsReason: boolean;
  openTasks: OpenTasks;
  onCancel: () => void;
  onConfirm: (choice: CloseChoice) => void;
}

/**
 * Closing a deal: a lost one needs a reason from the configured list (a comment is
 * optional); a deal with open tasks asks whether they are done, cancelled or kept.
 * A won deal's tasks are completed by default, a lost deal's cancelled.
 */
export function CloseDealDialog({ title, outcome, needsReason, openTasks, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const reasons = useDeals((s) => s.lostReasons);
  const [reasonId, setReasonId] = useState('');
  const [comment, setComment] = useState('');
  const [tasks, setTasks] = useState<OpenTasksChoice>(outcome === 'won' ? 'complete' : 'cancel');
  const [error, setError] = useState<string | null>(null);
  const lost = outcome === 'lost';
  return (
    <Dialog title={t(lost ? 'deals.lost.title' : 'deals.won.title', { title })} onClose={onCancel} testId={lost ? 'lost-dialog' : 'won-dialog'}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (lost && needsReason && !reasonId) setError(t('errors.deal.lost_reason_required'));
          else onConfirm({ ...(lost ? { lostReasonId: reasonId, lostComment: comment } : {}), openTasks: openTasks.total ? tasks : 'keep' });
        }}
      >
        {lost && needsReason && (
          <>
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
          </>
        )}
        {openTasks.total > 0 && (
          <fieldset className="close-tasks" data-testid="close-open-tasks">
            <legend>{t('deals.closing.openTasks', { count: openTasks.total })}</legend>
            <ul className="close-task-list">
              {openTasks.tasks.map((x) => (
                <li key={x.id}>
                  {x.title} <span className="muted small">— {taskWhen({ allDay: x.allDay, startsAt: x.deadlineAt })}{x.repeats && `, ${t('deals.closing.repeats')}`}</span>
                </li>
              ))}
              {openTasks.total > openTasks.tasks.length && <li className="muted small">{t('deals.closing.andMore', { count: openTasks.total - openTasks.tasks.length })}</li>}
            </ul>
            {(['complete', 'cancel', 'keep'] as const).map((choice) => (
              <label key={choice} className="radio-line">
                <input type="radio" name="open-tasks" value={choice} checked={tasks === choice} onChange={() => setTasks(choice)} />
                <span>
                  {t(`deals.closing.${choice}`)}
                  <span className="muted small"> — {t(`deals.closing.${choice}Hint`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
        )}
        <div className="actions">
          <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
          <button type="submit" className="primary" autoFocus={!(lost && needsReason)}>{t(lost ? 'deals.lost.confirm' : 'deals.won.confirm')}</button>
        </div>
      </form>
    </Dialog>
  );
}

interface Pending {
  title: string;
  outcome: 'won' | 'lost';
  needsReason: boolean;
  openTasks: OpenTasks;
  resolve: (choice: CloseChoice | null) => void;
}

/**
 * `ask` before closing a deal, wherever it is closed (board, card, list): it reads the
 * deal's open tasks and shows the dialog when there is something to ask (a reason, or
 * open tasks), resolving to the user's choice, or null when they cancelled.
 */
export function useCloseDeal() {
  const [pending, setPending] = useState<Pending | null>(null);
  const ask = async (deal: { id: string; title: string }, outcome: 'won' | 'lost', opts: { needsReason?: boolean; fromOpen?: boolean } = {}): Promise<CloseChoice | null> => {
    const needsReason = outcome === 'lost' && (opts.needsReason ?? true);
    let openTasks: OpenTasks = { total: 0, tasks: [] };
    // Only closing an open deal touches its tasks (won ↔ lost leaves them).
    if (opts.fromOpen ?? true) {
      try {
        openTasks = await call('tasks.openForDeal', { dealId: deal.id });
      } catch (e) {
        notifyError(errorText(e));
        return null;
      }
    }
    if (!needsReason && openTasks.total === 0) return { openTasks: 'keep' };
    return new Promise((resolve) => setPending({ title: deal.title, outcome, needsReason, openTasks, resolve }));
  };
  const dialog: ReactNode = pending && (
    <CloseDealDialog
      title={pending.title}
      outcome={pending.outcome}
      needsReason={pending.needsReason}
      openTasks={pending.openTasks}
      onCancel={() => {
        setPending(null);
        pending.resolve(null);
      }}
      onConfirm={(choice) => {
        setPending(null);
        pending.resolve(choice);
      }}
    />
  );
  return { ask, dialog };
}

/** The notice after a closing: what happened to the deal and to its open tasks. */
export function closedText(t: (k: string, o?: Record<string, unknown>) => string, outcome: 'won' | 'lost', tasks?: { completed: number; cancelled: number }): string {
  const head = t(outcome === 'won' ? 'deals.card.wonToast' : 'deals.card.lostToast');
  if (tasks?.completed) return `${head}. ${t('deals.closing.completedToast', { count: tasks.completed })}`;
  if (tasks?.cancelled) return `${head}. ${t('deals.closing.cancelledToast', { count: tasks.cancelled })}`;
  return head;
}
