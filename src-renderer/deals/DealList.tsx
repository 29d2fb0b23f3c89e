import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { call, type ProcInput, type ProcOutput } from '../api/client';
import { errorText } from '../i18n';
import { usePagedRows, type PageAnswer } from '../ui/usePagedRows';
import { useApp } from '../app/store';
import { notify, notifyError } from '../ui/toast';
import { useTasks } from '../tasks/store';
import { closedText, useCloseDeal } from './CloseDealDialog';
import { dealDate } from './dates';
import { formatMoney } from './money';
import { NextStep } from './NextStep';
import { useDeals } from './store';
import type { DealFilter } from './types';

type Row = ProcOutput<'deals.list'>['rows'][number];
type Totals = NonNullable<ProcOutput<'deals.list'>['totals']>;
type Sort = NonNullable<ProcInput<'deals.list'>['sort']>;
type Status = NonNullable<ProcInput<'deals.list'>['status']>;
const PAGE = 100;
const ROW = 40;
const COLUMNS: [Sort, string][] = [
  ['title', 'deals.fields.title'],
  ['client', 'deals.fields.client'],
  ['stage', 'deals.fields.stage'],
  ['amount', 'deals.fields.amount'],
  ['expectedClose', 'deals.fields.expectedClose'],
  ['updatedAt', 'deals.fields.updatedAt'],
];

/** All deals of a pipeline as a virtual list paged by the core, with totals of what matches. */
export function DealList({ pipelineId, filter, version }: { pipelineId: string | null; filter: DealFilter; version: number }) {
  const { t } = useTranslation();
  const navigate = useApp((s) => s.navigate);
  const { status, sort, desc } = useDeals((s) => s.list);
  const setList = useDeals((s) => s.setList);
  const setStatus = (v: Status) => setList({ status: v });
  const setSort = (v: Sort) => setList({ sort: v });
  const setDesc = (v: boolean) => setList({ desc: v });
  // Closing from a row changes the list: its own counter joins the page's version.
  const [changes, setChanges] = useState(0);
  const closing = useCloseDeal();
  const tasksChanged = useTasks((s) => s.changed);
  const scrollRef = useRef<HTMLDivElement>(null);
  const fetchPage = useCallback(
    // Totals come with the first page only: they read every matching deal.
    async (page: number, offset: number, limit: number): Promise<PageAnswer<Row, Totals>> => {
      const res = await call('deals.list', { pipelineId, status, filter, sort, desc, offset, limit, withTotals: page === 0 });
      return { rows: res.rows, total: res.totals?.total, extra: res.totals ?? undefined };
    },
    [pipelineId, status, filter, sort, desc],
  );
  const { total, extra: totals, error, getRow, show } = usePagedRows(
    JSON.stringify([pipelineId, status, filter, sort, desc]),
    version + changes,
    PAGE,
    fetchPage,
  );

  /** Won or lost from the row's buttons: the same questions as on the board and the card. */
  const close = async (r: Row, outcome: 'won' | 'lost') => {
    const choice = await closing.ask(r, outcome, { fromOpen: !!r.nextTask });
    if (!choice) return;
    try {
      const res = await call('deals.close', outcome === 'won' ? { id: r.id, outcome, openTasks: choice.openTasks } : { id: r.id, outcome, ...choice });
      notify(closedText(t, outcome, res.tasks));
      if (res.tasks.completed || res.tasks.cancelled) tasksChanged();
      setChanges((n) => n + 1);
    } catch (e) {
      notifyError(errorText(e));
    }
  };

  const count = total ?? 0;
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => show(first, last), [first, last, show]);

  return (
    <div className="deal-list" data-testid="deal-list">
      <div className="row">
        <select aria-label={t('deals.list.status')} value={status} onChange={(e) => setStatus(e.target.value as Status)}>
          {(['open', 'won', 'lost', 'all'] as const).map((s) => <option key={s} value={s}>{t(`deals.list.statuses.${s}`)}</option>)}
        </select>
        {totals && <span className="total" data-testid="list-totals">{t('deals.list.totals', { count: totals.total, sum: formatMoney(totals.sumKopecks) })}</span>}
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="deal-list-head" role="row">
        {COLUMNS.flatMap(([key, label]) => [
          <button
            key={key}
            className="link"
            role="columnheader"
            aria-sort={sort === key ? (desc ? 'descending' : 'ascending') : 'none'}
            onClick={() => {
              if (sort === key) setDesc(!desc);
              else {
                setSort(key);
                setDesc(key === 'amount' || key === 'updatedAt');
              }
            }}
          >
            {t(label)} {sort === key ? (desc ? '↓' : '↑') : ''}
          </button>,
          // The next step is not a sort key: a plain header after the amount.
          ...(key === 'amount' ? [<span key="nextStep" role="columnheader" className="small muted">{t('deals.nextStep.column')}</span>] : []),
        ])}
        <span role="columnheader" className="visually-hidden">{t('deals.list.actions')}</span>
      </div>
      <div className="list-scroll" ref={scrollRef} role="table" aria-label={t('deals.views.list')}>
        {totals && count === 0 && <p className="empty-state muted">{t('deals.list.empty')}</p>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const r = getRow(v.index);
            return (
              <div key={v.key} role="row" className="deal-list-row" style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW, transform: `translateY(${v.start}px)` }} onClick={() => r && navigate({ section: 'deals', dealId: r.id })}>
                {r ? (
                  <>
                    <span><a href={`#/deals/${r.id}`}>{r.title}</a></span>
                    <span>{r.clientName}</span>
                    <span><span className="stage-dot" style={{ background: r.stageColor }} />{r.stageName}</span>
                    <span className="num">{formatMoney(r.amountKopecks, r.currency)}</span>
                    <span><NextStep nextTask={r.nextTask} noNextStep={r.noNextStep} compact /></span>
                    <span data-testid="row-close-date">{r.closedAt ? t('deals.client.closed', { date: dealDate(r.closedAt) }) : dealDate(r.expectedClose)}</span>
                    <span className="muted">{dealDate(r.updatedAt)}</span>
                    <span className="row-actions" onClick={(e) => e.stopPropagation()}>
                      {r.stageKind === 'open' && (
                        <>
                          <button className="icon" aria-label={t('deals.list.closeWon', { title: r.title })} title={t('deals.list.closeWon', { title: r.title })} onClick={() => void close(r, 'won')}>
                            ✓
                          </button>
                          <button className="icon" aria-label={t('deals.list.closeLost', { title: r.title })} title={t('deals.list.closeLost', { title: r.title })} onClick={() => void close(r, 'lost')}>
                            ✕
                          </button>
                        </>
                      )}
                    </span>
                  </>
                ) : (
                  <span className="muted">{t('common.loading')}</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
      {closing.dialog}
    </div>
  );
}
