import { useState } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useTranslation } from 'react-i18next';
import { formatMoney } from './money';
import { DealTile } from './DealTile';
import { QuickDealForm } from './QuickDealForm';
import type { Card, Column, QuickAction } from './types';

interface Props {
  pipelineId: string;
  column: Column;
  stages: { id: string; name: string }[];
  onOpen: (id: string) => void;
  onMoveTo: (dealId: string, stageId: string) => void;
  onLoadMore: (stageId: string) => void;
  onQuick: (action: QuickAction, card: Card) => void;
  onCreated: (id: string) => void;
}

/** One stage: its totals from the core, «+» for a quick deal, its loaded cards, more loaded near the bottom. */
export function BoardColumn({ pipelineId, column, stages, onOpen, onMoveTo, onLoadMore, onQuick, onCreated }: Props) {
  const { t } = useTranslation();
  const { stage } = column;
  const [adding, setAdding] = useState(false);
  const { setNodeRef, isOver } = useDroppable({ id: `column:${stage.id}`, data: { stageId: stage.id } });
  const closed = stage.kind !== 'open';
  return (
    <section className={`board-column kind-${stage.kind}${isOver ? ' over' : ''}`} aria-label={stage.name} data-testid={`column-${stage.name}`}>
      <header className="column-head" style={{ borderTopColor: stage.color }}>
        <div className="column-name">
          <span>{stage.name}</span>
          {!closed && (
            <button className="icon column-add" aria-label={t('deals.board.quickDeal', { stage: stage.name })} title={t('deals.board.quickDeal', { stage: stage.name })} aria-expanded={adding} onClick={() => setAdding(!adding)}>
              +
            </button>
          )}
        </div>
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
        {adding && (
          <QuickDealForm
            pipelineId={pipelineId}
            stage={stage}
            onClose={() => setAdding(false)}
            onCreated={(id) => {
              setAdding(false);
              onCreated(id);
            }}
          />
        )}
        <SortableContext items={column.cards.map((c) => c.id)} strategy={verticalListSortingStrategy}>
          {column.cards.map((card) => (
            <DealTile key={card.id} card={card} stageId={stage.id} closed={closed} stages={stages} onOpen={onOpen} onMoveTo={(to) => onMoveTo(card.id, to)} onQuick={onQuick} />
          ))}
        </SortableContext>
        {column.cards.length === 0 && !adding && <p className="muted small column-empty">{t('deals.board.emptyColumn')}</p>}
        {column.hasMore && (
          <button className="link" onClick={() => onLoadMore(stage.id)}>
            {t('deals.board.more', { count: column.count - column.cards.length })}
          </button>
        )}
      </div>
    </section>
  );
}
