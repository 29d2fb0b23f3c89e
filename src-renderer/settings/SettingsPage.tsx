import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n';
import { useApp } from '../app/store';
import { useLookups } from './lookups';
import { SETTINGS_SECTIONS, type SettingsSection } from './sections';
import { WorkspaceSection, WorkspaceSummary } from './WorkspaceSection';
import { UsersSection } from './UsersSection';
import { TagsSection } from './TagsSection';
import { CustomFieldsSection } from './CustomFieldsSection';
import { BackupSection } from '../backup/BackupSection';
import { TaskTypesSection } from '../tasks/TaskTypesSection';
import { PipelinesSection } from '../deals/settings/PipelinesSection';
import { LostReasonsSection } from '../deals/settings/LostReasonsSection';
import { DealFieldsSection } from '../deals/settings/DealFieldsSection';
import { AboutSection } from './AboutSection';
import { AuditSection } from '../audit/AuditSection';
import { AccessSection } from '../access/AccessSection';
import { ReceivablesSettingsSection } from '../receivables/ReceivablesSettingsSection';

/** Settings: a side menu of sections, each on its own page (`#/settings/<section>`). */
export function SettingsPage() {
  const { t } = useTranslation();
  const route = useApp((s) => s.route);
  const navigate = useApp((s) => s.navigate);
  const reload = useLookups((s) => s.reload);
  const current: SettingsSection = route.settings ?? SETTINGS_SECTIONS[0];
  useEffect(() => {
    void reload();
  }, [reload]);
  return (
    <div className="page settings-page">
      <h1>{t('settings.title')}</h1>
      <div className="settings-layout">
        <nav className="settings-menu" aria-label={t('settings.menu')}>
          {SETTINGS_SECTIONS.map((s) => (
            <a
              key={s}
              href={`#/settings/${s}`}
              className={s === current ? 'active' : undefined}
              aria-current={s === current ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                navigate({ section: 'settings', settings: s });
              }}
            >
              {t(`settings.sections.${s}`)}
            </a>
          ))}
        </nav>
        <div className="settings-body" data-testid={`settings-${current}`}>
          <SectionBody section={current} />
        </div>
      </div>
    </div>
  );
}

function SectionBody({ section }: { section: SettingsSection }) {
  switch (section) {
    case 'workspace':
      return <WorkspaceSection />;
    case 'backups':
      // Which workspace a restore replaces, and its counts, stay in sight.
      return (
        <>
          <WorkspaceSummary />
          <BackupSection />
        </>
      );
    case 'language':
      return <LanguageSection />;
    case 'users':
      return <UsersSection />;
    case 'tags':
      return <TagsSection />;
    case 'fields':
      return (
        <>
          <CustomFieldsSection />
          <DealFieldsSection />
        </>
      );
    case 'pipelines':
      return (
        <>
          <PipelinesSection />
          <LostReasonsSection />
        </>
      );
    case 'task-types':
      return <TaskTypesSection />;
    case 'receivables':
      return <ReceivablesSettingsSection />;
    case 'access':
      return <AccessSection />;
    case 'audit':
      return <AuditSection />;
    case 'about':
      return <AboutSection />;
  }
}

function LanguageSection() {
  const { t, i18n } = useTranslation();
  return (
    <section className="panel">
      <h2>{t('settings.language')}</h2>
      <select aria-label={t('settings.language')} value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)}>
        {Object.entries(LANGUAGES).map(([code, label]) => (
          <option key={code} value={code}>{label}</option>
        ))}
      </select>
    </section>
  );
}
