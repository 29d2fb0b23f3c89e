import { useRef } from 'react';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';
import { formatMoney } from './money';
import { dealDate } from './dates';
import { NextStep } from './NextStep';
import { TileMenu } from './TileMenu';
import { NoteIcon, PhoneIcon, TaskIcon } from '../ui/icons';
import type { Card, QuickAction } from './types';
import { DebtWarning } from '../receivables/DebtWarning';


interface TileProps {
  card: Card;
  stageId: string;
  closed: boolean;
  stages: { id: string; name: string }[];
  onOpen: (id: string) => void;
  onMoveTo: (stageId: string) => void;
  onQuick: (action: QuickAction, card: Card) => void;
}

// The pointer must travel this far before a press becomes a drag (the board's
// PointerSensor uses the same distance), so a click still opens the deal.
export const DRAG_DISTANCE = 6;

/**
 * A deal on the board: click (or Enter) opens it, a drag moves it, Space picks it up
 * for the keyboard; «⋯» moves it to a stage; on hover or focus, quick actions log a
 * call, plan a task or write a note without leaving the board.
 */
export function DealTile({ card, stageId, closed, stages, onOpen, onMoveTo, onQuick }: TileProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: card.id, data: { stageId } });
  const style = { transform: CSS.Transform.toString(transform), transition };
  const pressedAt = useRef<{ x: number; y: number } | null>(null);
  // Set while dnd-kit drags this tile: the click that ends a drag does not open the deal.
  const dragged = useRef(false);
  if (isDragging) dragged.current = true;
  const quick = (action: QuickAction, label: string, icon: React.ReactNode) => (
    <button className="icon" aria-label={t(label, { title: card.title })} title={t(label, { title: card.title })} onClick={() => onQuick(action, card)}>
      {icon}
    </button>
  );
  return (
    <div
      ref={setNodeRef}
      style={style}
      className={`deal-tile${isDragging ? ' dragging' : ''}${card.unmatched ? ' unmatched' : ''}`}
      data-testid="deal-tile"
      {...attributes}
      {...listeners}
      aria-roledescription={t('deals.board.tileRole')}
      aria-label={`${card.title}, ${card.clientName}, ${formatMoney(card.amountKopecks, card.currency)}`}
      onPointerDown={(e) => {
        pressedAt.current = { x: e.clientX, y: e.clientY };
        dragged.current = false;
        listeners?.onPointerDown?.(e);
      }}
      onClick={(e) => {
        // A press that travelled was a drag (dnd-kit took it over), not a click.
        const from = pressedAt.current;
        pressedAt.current = null;
        if (dragged.current || (from && Math.hypot(e.clientX - from.x, e.clientY - from.y) >= DRAG_DISTANCE)) return;
        onOpen(card.id);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target === e.currentTarget) onOpen(card.id);
        else listeners?.onKeyDown?.(e);
      }}
    >
      <DealTileBody card={card} closed={closed}>
        <TileMenu dealTitle={card.title} stages={stages.filter((s) => s.id !== stageId)} onOpen={() => onOpen(card.id)} onMoveTo={onMoveTo} />
      </DealTileBody>
      <div className="tile-quick" onPointerDown={(e) => e.stopPropagation()} onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
        {quick('call', 'deals.quick.call', <PhoneIcon />)}
        {quick('task', 'deals.quick.task', <TaskIcon />)}
        {quick('note', 'deals.quick.note', <NoteIcon />)}
      </div>
    </div>
  );
}

/**
 * The tile's three or four lines: title (and the menu); client and amount; the next
 * step (or when it was closed); days in the stage, expected close and responsible.
 */
export function DealTileBody({ card, closed, children }: { card: Card; closed: boolean; children?: React.ReactNode }) {
  const { t } = useTranslation();
  const meta = [
    !closed && card.expectedClose ? t('deals.board.expected', { date: dealDate(card.expectedClose) }) : null,
    card.responsibleName,
  ].filter(Boolean);
  return (
    <>
      <div className="tile-line tile-head">
        <span className="tile-title" title={card.title}>{card.title}</span>
        {children}
      </div>
      <div className="tile-line">
        <span className="tile-client muted">{card.clientName}</span>
        <strong className="tile-amount">{formatMoney(card.amountKopecks, card.currency)}</strong>
      </div>
      {closed ? (
        <div className="tile-line small muted" data-testid="tile-closed">{t('deals.board.closed', { date: dealDate(card.closedAt) })}</div>
      ) : (
        <NextStep nextTask={card.nextTask} noNextStep={card.noNextStep} />
      )}
      {!closed && <DebtWarning warning={card.debtWarning} clientId={card.clientId} compact />}
      <div className="tile-line small">
        {!closed && (
          <span className={card.overNorm ? 'days over' : 'days muted'} title={card.overNorm ? t('deals.board.overNorm') : undefined}>
            {t('deals.board.days', { count: card.daysInStage })}
          </span>
        )}
        {meta.length > 0 && <span className="muted tile-meta">{meta.join(' · ')}</span>}
      </div>
      {card.unmatched && <div className="small tile-unmatched" role="status">{t('deals.board.unmatched')}</div>}
    </>
  );
}
