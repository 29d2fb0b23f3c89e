import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Announcements, ScreenReaderInstructions, UniqueIdentifier } from '@dnd-kit/core';
import type { Column } from './types';

/**
 * What a screen reader hears while a card is dragged, in the user's language and with
 * the deal's title and stage names (dnd-kit's defaults are English with raw ids).
 */
export function useBoardAnnouncements(columns: Column[] | null): { announcements: Announcements; screenReaderInstructions: ScreenReaderInstructions } {
  const { t } = useTranslation();
  // dnd-kit reports "over" again for the same place (right after the pick-up, too):
  // only a new place is worth saying.
  const lastOver = useRef<UniqueIdentifier | null>(null);
  const cols = columns ?? [];
  const title = (id: UniqueIdentifier) => cols.flatMap((c) => c.cards).find((x) => x.id === id)?.title ?? '';
  const columnOf = (id: UniqueIdentifier) => cols.find((c) => `column:${c.stage.id}` === id || c.cards.some((x) => x.id === id));
  // Over a card: the stage and the place in it; over a column's empty space: the stage.
  const place = (overId: UniqueIdentifier) => {
    const col = columnOf(overId);
    if (!col) return null;
    const at = col.cards.findIndex((x) => x.id === overId);
    return at >= 0
      ? t('deals.dnd.place', { stage: col.stage.name, position: at + 1, count: col.cards.length })
      : t('deals.dnd.stage', { stage: col.stage.name });
  };
  return {
    screenReaderInstructions: { draggable: t('deals.dnd.instructions') },
    announcements: {
      onDragStart: ({ active }) => {
        lastOver.current = active.id;
        return t('deals.dnd.picked', { title: title(active.id), where: place(active.id) ?? '' });
      },
      onDragOver: ({ active, over }) => {
        if ((over?.id ?? null) === lastOver.current) return undefined;
        lastOver.current = over?.id ?? null;
        return over ? t('deals.dnd.over', { title: title(active.id), where: place(over.id) ?? '' }) : t('deals.dnd.outside', { title: title(active.id) });
      },
      onDragEnd: ({ active, over }) =>
        over ? t('deals.dnd.dropped', { title: title(active.id), where: place(over.id) ?? '' }) : t('deals.dnd.droppedOutside', { title: title(active.id) }),
      onDragCancel: ({ active }) => t('deals.dnd.cancelled', { title: title(active.id), where: place(active.id) ?? '' }),
    },
  };
}
