import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcInput } from '../api/client';
import { errorText, formatDate, formatDateTime } from '../i18n';
import { useApp } from '../app/store';
import { useLookups } from '../settings/lookups';
import { confirmAction } from '../ui/Dialog';
import { fieldErrors } from '../ui/fieldErrors';
import { notify, notifyError } from '../ui/toast';
import { useAction } from '../ui/useAction';
import { InlineField } from '../clients/card/InlineField';
import { HistoryPanel } from '../clients/card/HistoryPanel';
import { TasksPanel } from '../tasks/TasksPanel';
import { AuditPanel } from '../audit/AuditPanel';
import { closedText, useCloseDeal } from './CloseDealDialog';
import { dealDate } from './dates';
import { LinesPanel } from './LinesPanel';
import { ClientPicker } from '../clients/ClientPicker';
import { StagePath } from './StagePath';
import { formatMoney, parseRoubles, roublesText } from './money';
import { useDeals } from './store';
import type { DealCardData } from './types';
import { useTasks } from '../tasks/store';
import { DebtWarning } from '../receivables/DebtWarning';

type Patch = ProcInput<'deals.update'>['patch'];

export function DealCard({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigate = useApp((s) => s.navigate);
  const users = useLookups((s) => s.users);
  const reloadLookups = useLookups((s) => s.reload);
  const { fields: customFields, loaded, reload: reloadDeals } = useDeals();
  const [card, setCard] = useState<DealCardData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [changingClient, setChangingClient] = useState(false);
  const closing = useCloseDeal();
  const tasksChanged = useTasks((s) => s.changed);

  const reload = useCallback(() => {
    call('deals.get', { id }).then(
      (c) => {
        setCard(c);
        setVersion((v) => v + 1);
      },
      (e) => setError(errorText(e)),
    );
  }, [id]);
  const { run: act, busy } = useAction(reload);
  useEffect(() => {
    reload();
    if (!loaded) void reloadDeals();
    void reloadLookups();
  }, [reload, loaded, reloadDeals, reloadLookups]);

  if (error) return <div className="page"><p className="error" role="alert">{error}</p></div>;
  if (!card) return <div className="page muted">{t('common.loading')}</div>;

  const save = async (patch: Patch, field: string): Promise<string | null> => {
    try {
      await call('deals.update', { id: card.id, patch });
      reload();
      return null;
    } catch (e) {
      const fe = fieldErrors(e);
      return fe[field] ?? Object.values(fe)[0] ?? errorText(e);
    }
  };
  const closed = card.stageKind !== 'open';
  const archived = !!card.archivedAt;
  /** Won or lost, from the header or the stage bar: asks for a reason and about the open tasks first. */
  const close = async (outcome: 'won' | 'lost', stageId?: string) => {
    const choice = await closing.ask(card, outcome, { fromOpen: !closed });
    if (!choice) return;
    await act(async () => {
      const res = stageId
        ? await call('deals.move', { id: card.id, stageId, filter: {}, ...choice })
        : await call('deals.close', outcome === 'won' ? { id: card.id, outcome, openTasks: choice.openTasks } : { id: card.id, outcome, ...choice });
      notify(closedText(t, outcome, res.tasks));
      if (res.tasks.completed || res.tasks.cancelled) tasksChanged();
    });
  };

  return (
    <div className="page deal-card" data-testid="deal-card">
      <header className="card-head">
        <button className="link" onClick={() => navigate({ section: 'deals' })}>{t('deals.card.back')}</button>
        <h1>{card.title}</h1>
        <span className={`badge stage-badge kind-${card.stageKind}`} data-testid="deal-stage">{card.stageName}</span>
        <span className="muted small">{t('deals.card.dates', { created: formatDateTime(card.createdAt), updated: formatDateTime(card.updatedAt) })}</span>
        <span className="spacer" />
        {!archived && !closed && (
          <>
            <button disabled={busy} onClick={() => void close('won')}>{t('deals.card.won')}</button>
            <button disabled={busy} className="danger" onClick={() => void close('lost')}>{t('deals.card.lost')}</button>
          </>
        )}
        {!archived && closed && (
          <button disabled={busy} onClick={() => act(() => call('deals.reopen', { id: card.id }), t('deals.card.reopenedToast'))}>{t('deals.card.reopen')}</button>
        )}
        {archived ? (
          <button onClick={() => act(() => call('deals.archive', { id: card.id, archived: false }))}>{t('deals.card.restore')}</button>
        ) : (
          <button
            className="danger"
            onClick={async () => {
              if (!(await confirmAction(t('deals.card.archiveConfirm', { title: card.title })))) return;
              await act(() => call('deals.archive', { id: card.id }));
              notify(t('deals.card.archivedToast'), { label: t('common.undo'), run: () => void call('deals.archive', { id: card.id, archived: false }).then(reload) });
            }}
          >
            {t('deals.card.archive')}
          </button>
        )}
      </header>
      {!closed && <DebtWarning warning={card.debtWarning} clientId={card.clientId} />}
      {archived && <p className="notice" role="status">{t('deals.card.archivedBanner', { date: formatDate(card.archivedAt) })}</p>}
      {card.stageKind === 'lost' && (
        <p className="notice" role="status" data-testid="lost-banner">
          {t('deals.card.lostBanner', { reason: card.lostReasonName ?? t('common.none'), date: dealDate(card.closedAt) })}
          {card.lostComment && ` — ${card.lostComment}`}
        </p>
      )}
      {!archived && (
        <nav className="stage-bar" aria-label={t('deals.card.stages')}>
          {card.stages.map((s) => (
            <button
              key={s.id}
              className={s.id === card.stageId ? 'on' : ''}
              aria-current={s.id === card.stageId ? 'step' : undefined}
              style={{ borderBottomColor: s.color }}
              disabled={busy || s.id === card.stageId}
              onClick={() => (s.kind === 'open' ? act(() => call('deals.move', { id: card.id, stageId: s.id, filter: {} })) : void close(s.kind, s.id))}
            >
              {s.name}
            </button>
          ))}
        </nav>
      )}
      <div className="card-columns">
        <div className="card-left">
          <section className="panel" aria-label={t('deals.card.fields')}>
            <h2>{t('deals.card.fields')}</h2>
            <InlineField label={t('deals.fields.title')} value={card.title} testId="deal-title" onSave={(v) => save({ title: v ?? '' }, 'title')} />
            {changingClient ? (
              <div className="inline-field">
                <span className="inline-label">{t('deals.fields.client')}</span>
                <span className="inline-editor">
                  <ClientPicker
                    value={null}
                    onChange={async (c) => {
                      if (!c) return;
                      const err = await save({ clientId: c.id }, 'clientId');
                      if (err) notifyError(err);
                      else setChangingClient(false);
                    }}
                  />
                  <button className="link" onClick={() => setChangingClient(false)}>{t('common.cancel')}</button>
                </span>
              </div>
            ) : (
              <div className="inline-field">
                <span className="inline-label">{t('deals.fields.client')}</span>
                <span className="row">
                  <a href={`#/clients/${card.clientId}`}>{card.clientName}</a>
                  {!archived && <button className="link" onClick={() => setChangingClient(true)}>{t('deals.card.changeClient')}</button>}
                </span>
              </div>
            )}
            <InlineField
              label={t('deals.fields.contact')}
              value={card.contactId ?? ''}
              display={card.contactName}
              kind="select"
              options={[['', t('common.none')], ...card.contacts.map((c) => [c.id, c.name] as [string, string])]}
              onSave={(v) => save({ contactId: v }, 'contactId')}
            />
            <InlineField
              label={t('deals.fields.amount')}
              value={roublesText(card.amountKopecks)}
              display={formatMoney(card.amountKopecks, card.currency)}
              testId="deal-amount"
              onSave={async (v) => {
                const k = parseRoubles(v ?? '');
                return k === null ? t('errors.deal.amount_format') : save({ amountKopecks: k }, 'amountKopecks');
              }}
            />
            {closed ? (
              <div className="inline-field" data-testid="deal-closed-at">
                <span className="inline-label">{t('deals.fields.closedAt')}</span>
                <span>{dealDate(card.closedAt)}</span>
              </div>
            ) : (
              <InlineField label={t('deals.fields.expectedClose')} value={card.expectedClose} display={dealDate(card.expectedClose) || null} kind="date" onSave={(v) => save({ expectedClose: v }, 'expectedClose')} />
            )}
            <InlineField
              label={t('deals.fields.responsible')}
              value={card.responsibleId ?? ''}
              display={card.responsibleName}
              kind="select"
              options={[['', t('common.none')], ...users.map((u) => [u.id, u.name] as [string, string])]}
              onSave={(v) => save({ responsibleId: v }, 'responsibleId')}
            />
            <InlineField label={t('deals.fields.source')} value={card.source} onSave={(v) => save({ source: v }, 'source')} />
            <InlineField label={t('deals.fields.description')} value={card.description} kind="textarea" onSave={(v) => save({ description: v }, 'description')} />
            {customFields.map((f) => (
              <InlineField
                key={f.id}
                label={f.name}
                value={card.custom[f.id] ?? null}
                display={f.type === 'date' ? formatDate(card.custom[f.id]) || null : f.type === 'checkbox' ? (card.custom[f.id] === '1' ? t('common.yes') : null) : undefined}
                kind={f.type === 'select' ? 'select' : f.type === 'date' ? 'date' : f.type === 'number' ? 'number' : f.type === 'checkbox' ? 'checkbox' : 'text'}
                options={[['', t('common.none')], ...f.options.map((o) => [o, o] as [string, string])]}
                onSave={(v) => save({ custom: { [f.id]: v } }, `custom.${f.id}`)}
              />
            ))}
          </section>
          <LinesPanel card={card} onChanged={reload} />
          <StagePath path={card.path} stages={card.stages} />
        </div>
        <div className="card-right">
          <TasksPanel link={{ kind: 'deal', dealId: card.id, dealTitle: card.title, clientId: card.clientId, clientName: card.clientName }} onChanged={reload} readOnly={archived} />
          <HistoryPanel card={{ id: card.clientId, contacts: card.contacts }} dealId={card.id} version={version} />
          <AuditPanel targetType="deal" targetId={card.id} version={`${card.updatedAt}:${version}`} />
        </div>
      </div>
      {closing.dialog}
    </div>
  );
}
