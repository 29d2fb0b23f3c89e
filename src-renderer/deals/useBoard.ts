import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../api/client';
import { errorText } from '../i18n';
import { notifyError } from '../ui/toast';
import { appendPage, applyTotals, confirmMove, lastLoaded, moveCard } from './boardState';
import type { Column, DealFilter, MoveRequest, MoveResult } from './types';

const PAGE = 30;

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
      const last = col && lastLoaded(col);
      if (!col || !col.hasMore || !last || loadingMore.current.has(stageId)) return;
      loadingMore.current.add(stageId);
      const board = latest.current;
      try {
        const page = await call('deals.column', { stageId, filter, after: { position: last.position, id: last.id }, limit: PAGE });
        // A board reloaded meanwhile (another filter, a change) has its own first pages.
        if (board !== latest.current) return;
        setColumns((cols) => cols && appendPage(cols, stageId, page));
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
    setColumns((cols) => cols && applyTotals(cols, totals));
  }, [pipelineId, filter]);

  const move = useCallback(
    async (req: MoveRequest): Promise<MoveResult> => {
      const failed = { status: 'failed', tasks: NONE } as const;
      const before = columnsRef.current;
      if (!before) return failed;
      // Optimistic: the card is where the user dropped it before the core answers.
      const optimistic = moveCard(before, req);
      if (!optimistic) return failed;
      setColumns(optimistic.columns);
      let matches = true;
      let tasks = NONE;
      try {
        const res = await call('deals.move', {
          id: req.dealId,
          stageId: req.toStageId,
          afterId: optimistic.afterId,
          beforeId: optimistic.beforeId,
          lostReasonId: req.lostReasonId ?? null,
          lostComment: req.lostComment ?? null,
          openTasks: req.openTasks ?? 'keep',
          filter,
        });
        matches = res.matchesFilter;
        tasks = res.tasks;
        setColumns((cols) => cols && confirmMove(cols, res.card, matches));
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
