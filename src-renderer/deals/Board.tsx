import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  closestCorners,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type DragEndEvent,
  type CollisionDetection,
  type DragStartEvent,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useApp } from '../app/store';
import { notify } from '../ui/toast';
import { useTasks } from '../tasks/store';
import { BoardColumn } from './BoardColumn';
import { DealTileBody, DRAG_DISTANCE } from './DealTile';
import { closedText, useCloseDeal } from './CloseDealDialog';
import { QuickLogDialog, type QuickLogKind } from './QuickLogDialog';
import { useBoardAnnouncements } from './announcements';
import { useBoard } from './useBoard';
import type { Card, DealFilter, MoveRequest, QuickAction } from './types';

// Drag and drop by @dnd-kit: pointer and keyboard sensors (Space picks a card up,
// arrows move it, Space drops, Esc cancels) with screen-reader announcements in the
// user's language; each card also has a "move to stage" menu.

// Tall columns make corner distances misleading: what is under the pointer wins (a
// card, else its column). Keyboard drags have no pointer: the card's moved rectangle
// decides by overlap, and corners only when it overlaps nothing.
const collisions: CollisionDetection = (args) => {
  const under = args.pointerCoordinates ? pointerWithin(args) : rectIntersection(args);
  if (under.length === 0) return closestCorners(args);
  const card = under.find((c) => !String(c.id).startsWith('column:'));
  return card ? [card] : under;
};

export function Board({ pipelineId, filter, version }: { pipelineId: string; filter: DealFilter; version: number }) {
  const { t } = useTranslation();
  const navigate = useApp((s) => s.navigate);
  const { openDialog, changed: tasksChanged } = useTasks();
  const { columns, error, loadMore, move, reload } = useBoard(pipelineId, filter, version);
  const [active, setActive] = useState<Card | null>(null);
  const [quickLog, setQuickLog] = useState<{ kind: QuickLogKind; card: Card } | null>(null);
  const closing = useCloseDeal();
  const accessibility = useBoardAnnouncements(columns);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: DRAG_DISTANCE } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates, keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space'] } }),
  );

  if (error) return <p className="error" role="alert">{error}</p>;
  if (!columns) return <p className="muted">{t('common.loading')}</p>;

  const stages = columns.map((c) => ({ id: c.stage.id, name: c.stage.name }));
  const kindOf = (stageId: string) => columns.find((c) => c.stage.id === stageId)?.stage.kind;
  const stageOfDeal = (dealId: string) => columns.find((c) => c.cards.some((x) => x.id === dealId))?.stage.id;
  const cardOf = (dealId: string) => columns.flatMap((c) => c.cards).find((x) => x.id === dealId);

  const request = async (req: MoveRequest) => {
    const fromKind = kindOf(stageOfDeal(req.dealId) ?? '');
    const toKind = kindOf(req.toStageId);
    if (toKind && toKind !== 'open' && toKind !== fromKind) {
      // Closing (or won ↔ lost): a reason for lost, and a word on the open tasks, if any.
      const card = cardOf(req.dealId);
      const choice = await closing.ask({ id: req.dealId, title: card?.title ?? '' }, toKind, { fromOpen: fromKind === 'open' && !!card?.nextTask });
      if (!choice) return;
      await run({ ...req, ...choice });
      return;
    }
    await run(req);
  };
  const run = async (req: MoveRequest) => {
    const res = await move(req);
    // Never a silent vanish: a card outside the filter stays, marked, and the user is told.
    if (res.status === 'unmatched') notify(t('deals.board.unmatchedToast'));
    if (res.tasks.completed || res.tasks.cancelled) {
      notify(closedText(t, kindOf(req.toStageId) === 'won' ? 'won' : 'lost', res.tasks));
      tasksChanged();
    }
  };
  const onQuick = (action: QuickAction, card: Card) => {
    if (action === 'task') openDialog({ mode: 'create', preset: { clientId: card.clientId, clientName: card.clientName, dealId: card.id, dealTitle: card.title } });
    else setQuickLog({ kind: action, card });
  };

  const onDragStart = (e: DragStartEvent) => setActive(cardOf(String(e.active.id)) ?? null);
  const onDragEnd = (e: DragEndEvent) => {
    setActive(null);
    const { active: dragged, over } = e;
    if (!over) return;
    const toStageId = (over.data.current as { stageId?: string } | undefined)?.stageId;
    const dealId = String(dragged.id);
    if (!toStageId) return;
    const target = columns.find((c) => c.stage.id === toStageId)!;
    const overIndex = target.cards.findIndex((x) => x.id === over.id);
    const index = overIndex >= 0 ? overIndex : 0;
    const currentIndex = target.cards.findIndex((x) => x.id === dealId);
    if (currentIndex === index && currentIndex >= 0) return;
    void request({ dealId, toStageId, index });
  };

  return (
    <>
      <DndContext
        sensors={sensors}
        collisionDetection={collisions}
        accessibility={accessibility}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setActive(null)}
      >
        <div className="board" data-testid="board">
          {columns.map((col) => (
            <BoardColumn
              key={col.stage.id}
              pipelineId={pipelineId}
              column={col}
              stages={stages}
              onOpen={(id) => navigate({ section: 'deals', dealId: id })}
              onMoveTo={(dealId, stageId) => void request({ dealId, toStageId: stageId, index: 0 })}
              onLoadMore={(id) => void loadMore(id)}
              onQuick={onQuick}
              onCreated={() => {
                void reload();
                notify(t('deals.created'));
              }}
            />
          ))}
        </div>
        {/* No drop animation: the card is already drawn at its new place (optimistic move), and an
            animation that does not finish (seen in Chromium under load) left the overlay over the
            tile, swallowing the next press. */}
        <DragOverlay dropAnimation={null}>
          {active && (
            <div className="deal-tile overlay">
              <DealTileBody card={active} closed={kindOf(stageOfDeal(active.id) ?? '') !== 'open'} />
            </div>
          )}
        </DragOverlay>
      </DndContext>
      {closing.dialog}
      {quickLog && <QuickLogDialog kind={quickLog.kind} deal={quickLog.card} onClose={() => setQuickLog(null)} />}
    </>
  );
}
