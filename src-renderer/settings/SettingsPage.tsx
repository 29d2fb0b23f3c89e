import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n';
import { useLookups } from './lookups';
import { WorkspaceSection } from './WorkspaceSection';
import { UsersSection } from './UsersSection';
import { TagsSection } from './TagsSection';
import { CustomFieldsSection } from './CustomFieldsSection';
import { BackupSection } from '../backup/BackupSection';
import { TaskTypesSection } from '../tasks/TaskTypesSection';
import { PipelinesSection } from '../deals/settings/PipelinesSection';
import { LostReasonsSection } from '../deals/settings/LostReasonsSection';
import { DealFieldsSection } from '../deals/settings/DealFieldsSection';
import { AboutSection } from './AboutSection';

export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const reload = useLookups((s) => s.reload);
  useEffect(() => {
    void reload();
  }, [reload]);
  return (
    <div className="page settings-page">
      <h1>{t('settings.title')}</h1>
      <WorkspaceSection />
      <BackupSection />
      <section className="panel">
        <h2>{t('settings.language')}</h2>
        <select aria-label={t('settings.language')} value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)}>
          {Object.entries(LANGUAGES).map(([code, label]) => (
            <option key={code} value={code}>{label}</option>
          ))}
        </select>
      </section>
      <UsersSection />
      <TagsSection />
      <CustomFieldsSection />
      <TaskTypesSection />
      <PipelinesSection />
      <LostReasonsSection />
      <DealFieldsSection />
      <AboutSection />
    </div>
  );
}
