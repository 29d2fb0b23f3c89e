import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n';
import { formatMoney } from './money';
import { NextStep } from './NextStep';
import type { Card } from './useBoard';

interface TileProps {
  card: Card;
  stageId: string;
  stages: { id: string; name: string }[];
  onOpen: (id: string) => void;
  onMoveTo: (stageId: string) => void;
}

/** A deal on the board: drag it, press Enter to open it, or pick a stage from its menu. */
export function DealTile({ card, stageId, stages, onOpen, onMoveTo }: TileProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: card.id, data: { stageId } });
  const style = { transform: CSS.Transform.toString(transform), transition };
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
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target === e.currentTarget) onOpen(card.id);
        else listeners?.onKeyDown?.(e);
      }}
    >
      <DealTileBody card={card} />
      <div className="tile-foot">
        <button className="link" onPointerDown={(e) => e.stopPropagation()} onClick={() => onOpen(card.id)}>
          {t('common.open')}
        </button>
        <select
          aria-label={t('deals.board.moveTo', { title: card.title })}
          value=""
          onPointerDown={(e) => e.stopPropagation()}
          onKeyDown={(e) => e.stopPropagation()}
          onChange={(e) => e.target.value && onMoveTo(e.target.value)}
        >
          <option value="">{t('deals.board.moveMenu')}</option>
          {stages.filter((s) => s.id !== stageId).map((s) => (
            <option key={s.id} value={s.id}>{s.name}</option>
          ))}
        </select>
      </div>
    </div>
  );
}

export function DealTileBody({ card }: { card: Card }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="tile-title">{card.title}</div>
      <div className="tile-client muted">{card.clientName}</div>
      <div className="tile-row">
        <strong>{formatMoney(card.amountKopecks, card.currency)}</strong>
        <span className={card.overNorm ? 'days over' : 'days muted'} title={card.overNorm ? t('deals.board.overNorm') : undefined}>
          {t('deals.board.days', { count: card.daysInStage })}
        </span>
      </div>
      {card.responsibleName && <div className="small muted">{card.responsibleName}</div>}
      {card.expectedClose && <div className="small muted">{t('deals.board.expected', { date: formatDate(card.expectedClose) })}</div>}
      <NextStep nextTask={card.nextTask} noNextStep={card.noNextStep} />
      {card.unmatched && <div className="small tile-unmatched" role="status">{t('deals.board.unmatched')}</div>}
    </>
  );
}
