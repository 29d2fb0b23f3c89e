import type { ProcInput, ProcOutput } from '../api/client';

// The deal screens' shapes, named once: most are what a procedure answers or takes.

export type DealCardData = ProcOutput<'deals.get'>;
export type DealFilter = NonNullable<ProcInput<'deals.board'>['filter']>;
export type Pipelines = ProcOutput<'pipelines.list'>;
export type DealsView = 'board' | 'list';

type Board = ProcOutput<'deals.board'>;
export type Card = Board['columns'][number]['cards'][number] & {
  /** Moved here by the user but outside the board's filter: kept in sight with a notice. */
  unmatched?: boolean;
};
export type Column = Omit<Board['columns'][number], 'cards'> & { cards: Card[] };
export type ColumnPage = ProcOutput<'deals.column'>;
export type ColumnTotals = ProcOutput<'deals.boardTotals'>;

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

/** The one-click actions on a board tile. */
export type QuickAction = 'call' | 'task' | 'note';
