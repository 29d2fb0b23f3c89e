import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  dealTitle: string;
  stages: { id: string; name: string }[];
  onOpen: () => void;
  onMoveTo: (stageId: string) => void;
}

/**
 * The «⋯» menu of a board tile: open the deal or move it to another stage (the
 * keyboard's and the mouse's alternative to dragging). Arrows move through the items,
 * Enter chooses, Esc closes and gives the focus back to the button.
 */
export function TileMenu({ dealTitle, stages, onOpen, onMoveTo }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const away = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node) && e.target !== button.current) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const choose = (fn: () => void) => {
    setOpen(false);
    fn();
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    // The tile under the menu must not see these keys (Space would pick the card up).
    e.stopPropagation();
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      items[next]?.focus();
    } else if (e.key === 'Tab') {
      setOpen(false);
    }
  };

  return (
    <span className="tile-menu" onPointerDown={(e) => e.stopPropagation()} onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
      <button
        ref={button}
        className="icon tile-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('deals.board.menu', { title: dealTitle })}
        onClick={() => setOpen(!open)}
      >
        ⋯
      </button>
      {open && (
        <div ref={menu} className="tile-menu-popup" role="menu" aria-label={t('deals.board.menu', { title: dealTitle })} onKeyDown={onKeyDown}>
          <button role="menuitem" onClick={() => choose(onOpen)}>{t('deals.board.openDeal')}</button>
          <div className="menu-label" role="presentation">{t('deals.board.moveMenu')}</div>
          {stages.map((s) => (
            <button key={s.id} role="menuitem" onClick={() => choose(() => onMoveTo(s.id))}>
              {s.name}
            </button>
          ))}
        </div>
      )}
    </span>
  );
}
