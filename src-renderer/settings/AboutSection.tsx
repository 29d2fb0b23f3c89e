import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n';
import { BUILD, updateDue } from '../app/build-info';

/** Settings → About: the version and its build date, how updates arrive, and whether one is due. */
export function AboutSection() {
  const { t } = useTranslation();
  return (
    <section className="panel" id="about">
      <h2>{t('about.title')}</h2>
      <p data-testid="app-version">{t('about.version', { version: BUILD.version, date: formatDate(BUILD.builtAt) })}</p>
      {updateDue() && (
        <p className="error" role="alert">
          {t('about.updateDue')}
        </p>
      )}
      <p className="muted">{t('about.howToUpdate')}</p>
    </section>
  );
}
