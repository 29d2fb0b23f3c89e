import { useEffect, useRef, type ReactNode } from 'react';
import { create } from 'zustand';
import { useTranslation } from 'react-i18next';

/**
 * Native <dialog>: focus trap, Esc to close and a backdrop for free. With `dirty`,
 * Esc or × asks before throwing away what was typed.
 */
export function Dialog(props: { title: string; onClose: () => void; children: ReactNode; wide?: boolean; testId?: string; dirty?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const { t } = useTranslation();
  const close = async () => {
    if (!props.dirty || (await confirmAction(t('common.discardConfirm')))) props.onClose();
  };
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) {
      d.showModal();
      // showModal() focuses the first focusable element; React's autoFocus ran while the
      // dialog was still closed (and unfocusable), so hand the focus to the field asking for it.
      d.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
  }, []);
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
      <div className="dialog-body">{props.children}</div>
    </dialog>
  );
}

interface ConfirmState {
  pending: { text: string; resolve: (ok: boolean) => void } | null;
}
const useConfirmStore = create<ConfirmState>(() => ({ pending: null }));

/** Asks before anything destructive; resolves true when the user confirms. */
export function confirmAction(text: string): Promise<boolean> {
  return new Promise((resolve) => useConfirmStore.setState({ pending: { text, resolve } }));
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
          {t('common.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
