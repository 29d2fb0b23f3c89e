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
import { BoardColumn } from './BoardColumn';
import { DealTileBody } from './DealTile';
import { LostDialog } from './LostDialog';
import { useBoard, type Card, type MoveRequest } from './useBoard';
import type { DealFilter } from './store';

// Drag and drop by @dnd-kit: pointer and keyboard sensors (Space picks a card up,
// arrows move it, Space drops, Esc cancels) with screen-reader announcements; each
// card also has a "move to stage" menu.

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
  const { columns, error, loadMore, move } = useBoard(pipelineId, filter, version);
  const [active, setActive] = useState<Card | null>(null);
  const [pendingLost, setPendingLost] = useState<(MoveRequest & { title: string }) | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates, keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space'] } }),
  );

  if (error) return <p className="error" role="alert">{error}</p>;
  if (!columns) return <p className="muted">{t('common.loading')}</p>;

  const stages = columns.map((c) => ({ id: c.stage.id, name: c.stage.name }));
  const kindOf = (stageId: string) => columns.find((c) => c.stage.id === stageId)?.stage.kind;
  const stageOfDeal = (dealId: string) => columns.find((c) => c.cards.some((x) => x.id === dealId))?.stage.id;

  const request = async (req: MoveRequest) => {
    const from = stageOfDeal(req.dealId);
    if (kindOf(req.toStageId) === 'lost' && kindOf(from ?? '') !== 'lost') {
      const card = columns.flatMap((c) => c.cards).find((x) => x.id === req.dealId);
      setPendingLost({ ...req, title: card?.title ?? '' });
      return;
    }
    await run(req);
  };
  const run = async (req: MoveRequest) => {
    // Never a silent vanish: a card outside the filter stays, marked, and the user is told.
    if ((await move(req)) === 'unmatched') notify(t('deals.board.unmatchedToast'));
  };

  const onDragStart = (e: DragStartEvent) => setActive(columns.flatMap((c) => c.cards).find((x) => x.id === e.active.id) ?? null);
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
      <DndContext sensors={sensors} collisionDetection={collisions} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setActive(null)}>
        <div className="board" data-testid="board">
          {columns.map((col) => (
            <BoardColumn
              key={col.stage.id}
              column={col}
              stages={stages}
              onOpen={(id) => navigate({ section: 'deals', dealId: id })}
              onMoveTo={(dealId, stageId) => void request({ dealId, toStageId: stageId, index: 0 })}
              onLoadMore={(id) => void loadMore(id)}
            />
          ))}
        </div>
        {/* No drop animation: the card is already drawn at its new place (optimistic move), and an
            animation that does not finish (seen in Chromium under load) left the overlay over the
            tile, swallowing the next press. */}
        <DragOverlay dropAnimation={null}>{active && <div className="deal-tile overlay"><DealTileBody card={active} /></div>}</DragOverlay>
      </DndContext>
      {pendingLost && (
        <LostDialog
          title={pendingLost.title}
          onCancel={() => setPendingLost(null)}
          onConfirm={(lostReasonId, lostComment) => {
            const req = { ...pendingLost, lostReasonId, lostComment };
            setPendingLost(null);
            void run(req);
          }}
        />
      )}
    </>
  );
}
