import { useTranslation } from 'react-i18next';
import { useApp } from './store';
import { updateDue } from './build-info';
import './update-notice.css';

/** A line in the app shell once this version is over six months old; it leads to Settings → About. */
export function UpdateNotice() {
  const { t } = useTranslation();
  const navigate = useApp((s) => s.navigate);
  if (!updateDue()) return null;
  return (
    <button
      className="backup-badge bad update-notice"
      data-testid="update-notice"
      onClick={() => navigate({ section: 'settings', settings: 'about' })}
    >
      <span aria-hidden="true">⚠ </span>
      {t('about.updateBadge')}
    </button>
  );
}
