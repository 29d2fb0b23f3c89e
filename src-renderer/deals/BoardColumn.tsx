import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useTranslation } from 'react-i18next';
import { formatMoney } from './money';
import { DealTile } from './DealTile';
import type { Column } from './useBoard';

interface Props {
  column: Column;
  stages: { id: string; name: string }[];
  onOpen: (id: string) => void;
  onMoveTo: (dealId: string, stageId: string) => void;
  onLoadMore: (stageId: string) => void;
}

/** One stage: its totals from the core, its loaded cards, more loaded near the bottom. */
export function BoardColumn({ column, stages, onOpen, onMoveTo, onLoadMore }: Props) {
  const { t } = useTranslation();
  const { stage } = column;
  const { setNodeRef, isOver } = useDroppable({ id: `column:${stage.id}`, data: { stageId: stage.id } });
  return (
    <section className={`board-column kind-${stage.kind}${isOver ? ' over' : ''}`} aria-label={stage.name} data-testid={`column-${stage.name}`}>
      <header className="column-head" style={{ borderTopColor: stage.color }}>
        <div className="column-name">{stage.name}</div>
        <div className="column-totals" data-testid="column-totals">
          <span data-testid="column-count">{t('deals.board.count', { count: column.count })}</span>
          <span data-testid="column-sum">{formatMoney(column.sumKopecks)}</span>
        </div>
      </header>
      <div
        ref={setNodeRef}
        className="column-cards"
        onScroll={(e) => {
          const el = e.currentTarget;
          if (column.hasMore && el.scrollTop + el.clientHeight > el.scrollHeight - 200) onLoadMore(stage.id);
        }}
      >
        <SortableContext items={column.cards.map((c) => c.id)} strategy={verticalListSortingStrategy}>
          {column.cards.map((card) => (
            <DealTile key={card.id} card={card} stageId={stage.id} stages={stages} onOpen={onOpen} onMoveTo={(to) => onMoveTo(card.id, to)} />
          ))}
        </SortableContext>
        {column.cards.length === 0 && <p className="muted small column-empty">{t('deals.board.emptyColumn')}</p>}
        {column.hasMore && (
          <button className="link" onClick={() => onLoadMore(stage.id)}>
            {t('deals.board.more', { count: column.count - column.cards.length })}
          </button>
        )}
      </div>
    </section>
  );
}
