import { useEffect, useRef, type ReactNode } from 'react';
import { create } from 'zustand';
import { useTranslation } from 'react-i18next';

/** Native <dialog>: focus trap, Esc to close and a backdrop for free. */
export function Dialog(props: { title: string; onClose: () => void; children: ReactNode; wide?: boolean; testId?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const { t } = useTranslation();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className={props.wide ? 'dialog wide' : 'dialog'}
      aria-label={props.title}
      data-testid={props.testId}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
    >
      <header className="dialog-head">
        <h2>{props.title}</h2>
        <button className="icon" aria-label={t('common.close')} onClick={props.onClose}>
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
