import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { create } from 'zustand';
import { useTranslation } from 'react-i18next';

/** What a dialog focuses when its content asked for nothing: the first field to type in. */
const FIRST_FIELD = 'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([disabled]), textarea:not([disabled]), select:not([disabled])';

/**
 * Native <dialog>: focus trap, Esc to close and a backdrop for free. With `dirty`,
 * Esc or × asks before throwing away what was typed.
 *
 * Focus: `showModal()` focuses the first focusable element, the × of the header. The
 * content is therefore mounted only once the dialog is open (in the same frame,
 * before paint), so an `autoFocus` field takes the focus from ×: a phone typed right
 * after Ctrl+K goes into the search box. Content that asks for no focus gets its
 * first field focused.
 */
export function Dialog(props: { title: string; onClose: () => void; children: ReactNode; wide?: boolean; testId?: string; dirty?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const { t } = useTranslation();
  const close = async () => {
    if (!props.dirty || (await confirmAction(t('common.discardConfirm')))) props.onClose();
  };
  const [open, setOpen] = useState(false);
  useLayoutEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    setOpen(true);
  }, []);
  useEffect(() => {
    const d = ref.current;
    if (!open || !d) return;
    const close = d.querySelector('.dialog-head button');
    if (document.activeElement === close || !d.contains(document.activeElement)) {
      d.querySelector<HTMLElement>(`.dialog-body :is(${FIRST_FIELD})`)?.focus();
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={props.wide ? 'dialog wide' : 'dialog'}
      aria-label={props.title}
      data-testid={props.testId}
      onCancel={(e) => {
        e.preventDefault();
        void close();
      }}
    >
      <header className="dialog-head">
        <h2>{props.title}</h2>
        <button className="icon" aria-label={t('common.close')} onClick={() => void close()}>
          ×
        </button>
      </header>
      <div className="dialog-body">{open && props.children}</div>
    </dialog>
  );
}

interface ConfirmState {
  pending: { text: string; confirmLabel?: string; resolve: (ok: boolean) => void } | null;
}
const useConfirmStore = create<ConfirmState>(() => ({ pending: null }));

/**
 * Asks before anything destructive; resolves true when the user confirms. `confirmLabel`
 * says on the button what it does («Восстановить из копии от …») instead of «Подтвердить».
 */
export function confirmAction(text: string, options: { confirmLabel?: string } = {}): Promise<boolean> {
  return new Promise((resolve) => useConfirmStore.setState({ pending: { text, confirmLabel: options.confirmLabel, resolve } }));
}

export function ConfirmHost() {
  const { t } = useTranslation();
  const pending = useConfirmStore((s) => s.pending);
  if (!pending) return null;
  const done = (ok: boolean) => {
    useConfirmStore.setState({ pending: null });
    pending.resolve(ok);
  };
  return (
    <Dialog title={t('common.confirm')} onClose={() => done(false)} testId="confirm-dialog">
      <p>{pending.text}</p>
      <div className="actions">
        <button onClick={() => done(false)}>{t('common.cancel')}</button>
        <button className="primary" autoFocus onClick={() => done(true)}>
          {pending.confirmLabel ?? t('common.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
