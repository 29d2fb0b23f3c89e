import { useCallback, useEffect, useRef, useState } from 'react';
import { call, type ProcOutput } from '../api/client';
import { errorText } from '../i18n';
import { notifyError } from '../ui/toast';
import type { DealFilter } from './store';

type Board = ProcOutput<'deals.board'>;
export type Card = Board['columns'][number]['cards'][number] & {
  /** Moved here by the user but outside the board's filter: kept in sight with a notice. */
  unmatched?: boolean;
};
export type Column = Omit<Board['columns'][number], 'cards'> & { cards: Card[] };

const PAGE = 30;

export interface MoveRequest {
  dealId: string;
  toStageId: string;
  /** Index in the target column's loaded cards where the card lands. */
  index: number;
  lostReasonId?: string | null;
  lostComment?: string | null;
  /** A move that closes the deal: what becomes of its open tasks. */
  openTasks?: 'keep' | 'complete' | 'cancel';
}

export interface MoveResult {
  status: 'moved' | 'unmatched' | 'failed';
  /** Open tasks a closing move completed or cancelled. */
  tasks: { completed: number; cancelled: number };
}

const NONE = { completed: 0, cancelled: 0 };

/**
 * The board of one pipeline: totals and the first page of each column from the core,
 * more cards per column as the user scrolls. Moves are optimistic: the card moves at
 * once, the core confirms, and on refusal the board returns to where it was with
 * the reason in a toast.
 */
export function useBoard(pipelineId: string | null, filter: DealFilter, version: number) {
  const [columns, setColumns] = useState<Column[] | null>(null);
  const [filtered, setFiltered] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  const columnsRef = useRef<Column[] | null>(null);
  columnsRef.current = columns;
  // Columns whose next page is on its way: every scroll event near a column's bottom
  // asks for more, and must not ask again for the page already coming.
  const loadingMore = useRef(new Set<string>());

  const load = useCallback(async () => {
    if (!pipelineId) return;
    const mine = ++latest.current;
    try {
      const board = await call('deals.board', { pipelineId, filter, pageSize: PAGE });
      if (mine !== latest.current) return;
      setColumns(board.columns);
      setFiltered(board.filtered);
      setError(null);
    } catch (e) {
      if (mine === latest.current) setError(errorText(e));
    }
  }, [pipelineId, filter]);

  useEffect(() => {
    void load();
  }, [load, version]);

  const loadMore = useCallback(
    async (stageId: string) => {
      const col = columnsRef.current?.find((c) => c.stage.id === stageId);
      const last = col?.cards.filter((c) => !c.unmatched).at(-1);
      if (!col || !col.hasMore || !last || loadingMore.current.has(stageId)) return;
      loadingMore.current.add(stageId);
      const board = latest.current;
      try {
        const page = await call('deals.column', { stageId, filter, after: { position: last.position, id: last.id }, limit: PAGE });
        // A board reloaded meanwhile (another filter, a change) has its own first pages.
        if (board !== latest.current) return;
        setColumns((cols) =>
          cols?.map((c) => {
            if (c.stage.id !== stageId) return c;
            const known = new Set(c.cards.map((x) => x.id));
            return { ...c, cards: [...c.cards, ...page.cards.filter((x) => !known.has(x.id))], hasMore: page.hasMore };
          }) ?? cols,
        );
      } catch (e) {
        notifyError(errorText(e));
      } finally {
        loadingMore.current.delete(stageId);
      }
    },
    [filter],
  );

  const refreshTotals = useCallback(async () => {
    if (!pipelineId) return;
    const totals = await call('deals.boardTotals', { pipelineId, filter });
    setColumns((cols) => cols?.map((c) => ({ ...c, ...(totals.find((x) => x.stageId === c.stage.id) ?? {}) })) ?? cols);
  }, [pipelineId, filter]);

  const move = useCallback(
    async (req: MoveRequest): Promise<MoveResult> => {
      const failed = { status: 'failed', tasks: NONE } as const;
      const before = columnsRef.current;
      if (!before) return failed;
      const from = before.find((c) => c.cards.some((x) => x.id === req.dealId));
      const card = from?.cards.find((x) => x.id === req.dealId);
      const to = before.find((c) => c.stage.id === req.toStageId);
      if (!from || !card || !to) return failed;
      // Optimistic: the card is where the user dropped it before the core answers.
      const next = before.map((c) => {
        let cards = c.cards.filter((x) => x.id !== req.dealId);
        let { count, sumKopecks } = c;
        if (c === from && from !== to) {
          count -= 1;
          sumKopecks -= card.amountKopecks;
        }
        if (c === to) {
          const at = Math.max(0, Math.min(req.index, cards.length));
          cards = [...cards.slice(0, at), { ...card, daysInStage: from === to ? card.daysInStage : 0, overNorm: from === to && card.overNorm }, ...cards.slice(at)];
          if (from !== to) {
            count += 1;
            sumKopecks += card.amountKopecks;
          }
        }
        return { ...c, cards, count, sumKopecks };
      });
      setColumns(next);
      const placed = next.find((c) => c.stage.id === req.toStageId)!.cards;
      const at = placed.findIndex((x) => x.id === req.dealId);
      let matches = true;
      let tasks = NONE;
      try {
        const res = await call('deals.move', {
          id: req.dealId,
          stageId: req.toStageId,
          afterId: placed[at - 1]?.id ?? null,
          beforeId: placed[at + 1]?.id ?? null,
          lostReasonId: req.lostReasonId ?? null,
          lostComment: req.lostComment ?? null,
          openTasks: req.openTasks ?? 'keep',
          filter,
        });
        matches = res.matchesFilter;
        tasks = res.tasks;
        setColumns((cols) =>
          cols?.map((c) => ({ ...c, cards: c.cards.map((x) => (x.id === req.dealId ? { ...res.card, unmatched: !matches } : x)) })) ?? cols,
        );
      } catch (e) {
        setColumns(before);
        notifyError(errorText(e));
        return failed;
      }
      // The core's totals replace the optimistic ones (other users may have moved cards too).
      refreshTotals().catch((e: unknown) => notifyError(errorText(e)));
      return { status: matches ? 'moved' : 'unmatched', tasks };
    },
    [filter, refreshTotals],
  );

  return { columns, filtered, error, reload: load, loadMore, move };
}
