import { useTranslation } from 'react-i18next';
import { confirmAction } from './Dialog';

/** A "Delete" link that asks first, with the consequences spelled out in `question`. */
export function ConfirmedDelete({ question, onConfirmed }: { question: string; onConfirmed: () => Promise<unknown> }) {
  const { t } = useTranslation();
  return (
    <button
      className="link danger"
      onClick={async () => {
        if (await confirmAction(question)) await onConfirmed();
      }}
    >
      {t('common.delete')}
    </button>
  );
}
