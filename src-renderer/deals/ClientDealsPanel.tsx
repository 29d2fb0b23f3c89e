import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcOutput } from '../api/client';
import { errorText } from '../i18n';
import { dealDate } from './dates';
import { useApp } from '../app/store';
import { notify } from '../ui/toast';
import { DealForm } from './DealForm';
import { formatMoney } from './money';
import { NextStep } from './NextStep';
import { useTasks } from '../tasks/store';

type Deals = ProcOutput<'deals.byClient'>;

/** The client's deals, open first, each with its next step, and totals; "New deal" comes pre-filled with the client. */
export function ClientDealsPanel({ client, archived }: { client: { id: string; name: string }; archived: boolean }) {
  const { t } = useTranslation();
  const navigate = useApp((s) => s.navigate);
  const [deals, setDeals] = useState<Deals | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  // Tasks planned or done on this card change the deals' next steps.
  const tasksVersion = useTasks((s) => s.version);
  const load = useCallback(() => {
    call('deals.byClient', { clientId: client.id }).then(setDeals, (e) => setError(errorText(e)));
  }, [client.id]);
  useEffect(load, [load, tasksVersion]);

  return (
    <section className="panel" aria-label={t('card.deals')} data-testid="client-deals">
      <h2>
        {t('card.deals')}
        <span className="spacer" />
        {!archived && <button onClick={() => setCreating(true)}>{t('deals.new')}</button>}
      </h2>
      {error && <p className="error">{error}</p>}
      {deals && (
        <p className="small" data-testid="client-deals-totals">
          {t('deals.client.totals', {
            open: deals.open.count,
            openSum: formatMoney(deals.open.sumKopecks),
            won: deals.won.count,
            wonSum: formatMoney(deals.won.sumKopecks),
            lost: deals.lost.count,
          })}
        </p>
      )}
      {deals && deals.rows.length === 0 && <p className="muted">{t('deals.client.empty')}</p>}
      <ul className="client-deals">
        {deals?.rows.map((d) => (
          <li key={d.id} className={`kind-${d.stageKind}`}>
            <a href={`#/deals/${d.id}`}>{d.title}</a>
            <span className="stage-chip" style={{ borderColor: d.stageColor }}>{d.stageName}</span>
            <strong>{formatMoney(d.amountKopecks, d.currency)}</strong>
            <span className="muted small">{d.closedAt ? t('deals.client.closed', { date: dealDate(d.closedAt) }) : d.expectedClose ? t('deals.board.expected', { date: dealDate(d.expectedClose) }) : d.pipelineName}</span>
            {(d.nextTask || d.noNextStep) && (
              <span className="deal-next">
                <NextStep nextTask={d.nextTask} noNextStep={d.noNextStep} compact />
              </span>
            )}
          </li>
        ))}
      </ul>
      {creating && (
        <DealForm
          client={client}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            load();
            notify(t('deals.created'), { label: t('common.open'), run: () => navigate({ section: 'deals', dealId: id }) });
          }}
        />
      )}
    </section>
  );
}
