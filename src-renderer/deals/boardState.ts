import type { Card, Column, ColumnPage, ColumnTotals, MoveRequest } from './types';

// The board's state changes as pure functions of the columns (unit-tested): the hook
// in useBoard.ts only decides when to apply them and talks to the core.

export interface OptimisticMove {
  columns: Column[];
  /** The moved card's neighbours where it landed: the core places it between them. */
  afterId: string | null;
  beforeId: string | null;
}

/**
 * The board with the card where the user dropped it, before the core answers: counts
 * and sums follow a move between columns; a card entering a column starts its days
 * there afresh. Null when the card or the column is not on the board.
 */
export function moveCard(columns: readonly Column[], req: MoveRequest): OptimisticMove | null {
  const from = columns.find((c) => c.cards.some((x) => x.id === req.dealId));
  const card = from?.cards.find((x) => x.id === req.dealId);
  const to = columns.find((c) => c.stage.id === req.toStageId);
  if (!from || !card || !to) return null;
  const next = columns.map((c) => {
    let cards = c.cards.filter((x) => x.id !== req.dealId);
    let { count, sumKopecks } = c;
    if (c === from && from !== to) {
      count -= 1;
      sumKopecks -= card.amountKopecks;
    }
    if (c === to) {
      const at = Math.max(0, Math.min(req.index, cards.length));
      const moved: Card = { ...card, daysInStage: from === to ? card.daysInStage : 0, overNorm: from === to && card.overNorm };
      cards = [...cards.slice(0, at), moved, ...cards.slice(at)];
      if (from !== to) {
        count += 1;
        sumKopecks += card.amountKopecks;
      }
    }
    return { ...c, cards, count, sumKopecks };
  });
  const placed = next.find((c) => c.stage.id === req.toStageId)!.cards;
  const at = placed.findIndex((x) => x.id === req.dealId);
  return { columns: next, afterId: placed[at - 1]?.id ?? null, beforeId: placed[at + 1]?.id ?? null };
}

/** The card as the core saved it, flagged when it no longer matches the board's filter. */
export function confirmMove(columns: readonly Column[], saved: Card, matchesFilter: boolean): Column[] {
  return columns.map((c) => ({ ...c, cards: c.cards.map((x) => (x.id === saved.id ? { ...saved, unmatched: !matchesFilter } : x)) }));
}

/** A column's next page appended; cards already shown (moved in meanwhile) are not repeated. */
export function appendPage(columns: readonly Column[], stageId: string, page: ColumnPage): Column[] {
  return columns.map((c) => {
    if (c.stage.id !== stageId) return c;
    const known = new Set(c.cards.map((x) => x.id));
    return { ...c, cards: [...c.cards, ...page.cards.filter((x) => !known.has(x.id))], hasMore: page.hasMore };
  });
}

/** The core's counts and sums replace the optimistic ones. */
export function applyTotals(columns: readonly Column[], totals: ColumnTotals): Column[] {
  return columns.map((c) => ({ ...c, ...(totals.find((x) => x.stageId === c.stage.id) ?? {}) }));
}

/** The last card of a column that came from the core's order (the next page starts after it). */
export function lastLoaded(column: Column): Card | undefined {
  return column.cards.filter((c) => !c.unmatched).at(-1);
}
