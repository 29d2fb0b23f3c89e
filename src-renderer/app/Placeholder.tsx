import { useTranslation } from 'react-i18next';
import type { Section } from './store';

export function Placeholder({ section }: { section: Section }) {
  const { t } = useTranslation();
  return (
    <div className="empty-state">
      <h1>{t(`nav.${section}`)}</h1>
      <p>{t('placeholder.title', { section: t(`nav.${section}`) })}</p>
      <p className="muted">{t('placeholder.body')}</p>
    </div>
  );
}
