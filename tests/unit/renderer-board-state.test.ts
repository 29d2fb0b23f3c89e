import { describe, expect, it } from 'vitest';
import { appendPage, applyTotals, confirmMove, lastLoaded, moveCard } from '../../src-renderer/deals/boardState';
import type { Card, Column } from '../../src-renderer/deals/types';

// The deal board's state changes (src-renderer/deals/boardState.ts): what the user sees
// the moment a card is dropped, before the core answers, and how pages and totals merge.

function card(id: string, amountKopecks: number, extra: Partial<Card> = {}): Card {
  return {
    id,
    title: `Сделка ${id}`,
    clientId: 'c1',
    clientName: 'ООО «Вектор»',
    amountKopecks,
    currency: 'RUB',
    responsibleName: null,
    expectedClose: null,
    closedAt: null,
    stageEnteredAt: 0,
    position: id,
    daysInStage: 5,
    overNorm: true,
    nextTask: null,
    noNextStep: true,
    ...extra,
  } as Card;
}

function column(stageId: string, cards: Card[], hasMore = false): Column {
  return {
    stage: { id: stageId, name: stageId, kind: 'open' } as Column['stage'],
    cards,
    count: cards.length + (hasMore ? 10 : 0),
    sumKopecks: cards.reduce((s, c) => s + c.amountKopecks, 0),
    hasMore,
  };
}

const board = () => [column('s1', [card('a', 100_00), card('b', 250_00), card('c', 7_50)]), column('s2', [card('d', 1_000_00)])];

describe('moving a card', () => {
  it('to another column: lands at the index, counts and sums follow on both sides, its days restart', () => {
    const moved = moveCard(board(), { dealId: 'b', toStageId: 's2', index: 1 })!;
    const [s1, s2] = moved.columns;
    expect(s1!.cards.map((c) => c.id)).toEqual(['a', 'c']);
    expect([s1!.count, s1!.sumKopecks]).toEqual([2, 107_50]);
    expect(s2!.cards.map((c) => c.id)).toEqual(['d', 'b']);
    expect([s2!.count, s2!.sumKopecks]).toEqual([2, 1_250_00]);
    expect(s2!.cards[1]).toMatchObject({ daysInStage: 0, overNorm: false });
    expect([moved.afterId, moved.beforeId]).toEqual(['d', null]);
  });

  it('within its column: reordered, totals and days unchanged, neighbours on both sides', () => {
    const moved = moveCard(board(), { dealId: 'c', toStageId: 's1', index: 0 })!;
    const s1 = moved.columns[0]!;
    expect(s1.cards.map((c) => c.id)).toEqual(['c', 'a', 'b']);
    expect([s1.count, s1.sumKopecks]).toEqual([3, 357_50]);
    expect(s1.cards[0]).toMatchObject({ daysInStage: 5, overNorm: true });
    expect([moved.afterId, moved.beforeId]).toEqual([null, 'a']);
  });

  it('an index past the end lands last; a negative one first', () => {
    expect(moveCard(board(), { dealId: 'a', toStageId: 's2', index: 99 })!.columns[1]!.cards.map((c) => c.id)).toEqual(['d', 'a']);
    expect(moveCard(board(), { dealId: 'a', toStageId: 's2', index: -3 })!.columns[1]!.cards.map((c) => c.id)).toEqual(['a', 'd']);
  });

  it('an unknown card or stage moves nothing', () => {
    expect(moveCard(board(), { dealId: 'zz', toStageId: 's2', index: 0 })).toBeNull();
    expect(moveCard(board(), { dealId: 'a', toStageId: 'nowhere', index: 0 })).toBeNull();
  });

  it('leaves the board it was given as it was (a refusal puts that one back)', () => {
    const before = board();
    const copy = structuredClone(before);
    moveCard(before, { dealId: 'a', toStageId: 's2', index: 0 });
    expect(before).toEqual(copy);
  });

  it("the core's answer replaces the card, flagged when it left the filter", () => {
    const moved = moveCard(board(), { dealId: 'a', toStageId: 's2', index: 0 })!.columns;
    const saved = card('a', 100_00, { title: 'Сохранённая', daysInStage: 0 });
    const confirmed = confirmMove(moved, saved, false);
    expect(confirmed[1]!.cards[0]).toMatchObject({ title: 'Сохранённая', unmatched: true });
    expect(confirmMove(moved, saved, true)[1]!.cards[0]!.unmatched).toBe(false);
  });
});

describe('pages and totals', () => {
  it('a next page is appended without repeating a card moved in meanwhile', () => {
    const cols = [column('s1', [card('a', 1), card('b', 2)], true), column('s2', [])];
    const page = { cards: [card('b', 2), card('e', 3), card('f', 4)], hasMore: false };
    const next = appendPage(cols, 's1', page);
    expect(next[0]!.cards.map((c) => c.id)).toEqual(['a', 'b', 'e', 'f']);
    expect(next[0]!.hasMore).toBe(false);
    expect(next[1]).toBe(cols[1]);
  });

  it('the next page starts after the last card that came in the core order, not after one moved in', () => {
    const col = column('s1', [card('a', 1), card('b', 2), card('x', 3, { unmatched: true })]);
    expect(lastLoaded(col)?.id).toBe('b');
    expect(lastLoaded(column('s1', []))).toBeUndefined();
  });

  it("the core's totals replace the optimistic ones; a column the core does not mention keeps its own", () => {
    const next = applyTotals(board(), [{ stageId: 's2', count: 40, sumKopecks: 9_999_00 }]);
    expect([next[1]!.count, next[1]!.sumKopecks]).toEqual([40, 9_999_00]);
    expect([next[0]!.count, next[0]!.sumKopecks]).toEqual([3, 357_50]);
  });
});
