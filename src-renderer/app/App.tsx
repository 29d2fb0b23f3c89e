import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../api/client';
import { WorkspaceSwitcher } from '../settings/WorkspaceSection';
import { errorText } from '../i18n';
import { useApp, SECTIONS } from './store';
import { Onboarding } from './Onboarding';
import { GlobalSearch } from './GlobalSearch';
import { searchTypeAhead } from './typeAhead';
import { ClientsPage } from '../clients/ClientsPage';
import {
  CalendarPage,
  ClientCard,
  Dashboard,
  DealCard,
  DealsPage,
  ExchangePage,
  HistoryPage,
  ReportsPage,
  SectionFrame,
  SettingsPage,
  TasksPage,
} from './sections';
import { TaskDialogHost } from '../tasks/TaskDialog';
import { CompleteDialogHost } from '../tasks/CompleteDialog';
import { ReminderBell, ReminderCenter, useReminderPolling } from '../tasks/ReminderCenter';
import { useReminders } from '../tasks/reminders';
import { Toasts } from '../ui/toast';
import { ConfirmHost } from '../ui/Dialog';
import { BackupBadge } from '../backup/BackupBadge';
import { RecoveryOffer } from '../backup/RecoveryOffer';
import { IntegrityNotice } from '../backup/IntegrityNotice';
import { UpdateNotice } from './UpdateNotice';
import { useAuth } from '../auth/store';
import { SignIn } from '../auth/SignIn';
import { UserBadge } from '../auth/UserBadge';
import { useIdleLock } from '../auth/useIdleLock';
import { useAccess } from '../access/store';

/**
 * Who is there first: where the workspace asks for a sign-in, the sign-in screen until
 * someone signs in (again after a sign-out, an idle lock or an ended sign-in); then the
 * workspace, mounted afresh for each sign-in.
 */
export function App() {
  const { t } = useTranslation();
  const phase = useAuth((s) => s.phase);
  const epoch = useAuth((s) => s.epoch);
  const check = useAuth((s) => s.check);
  useEffect(() => {
    void check();
  }, [check]);
  useEffect(() => {
    // Keys typed after Ctrl+K belong to the search, never to the sign-in form.
    if (phase !== 'out') return;
    searchTypeAhead.cancel();
    useApp.getState().setSearchOpen(false);
  }, [phase]);
  if (phase === 'checking') return <div className="fatal">{t('app.loading')}</div>;
  if (phase === 'out') return <SignIn />;
  return <Workspace key={epoch} />;
}

function Workspace() {
  const { t } = useTranslation();
  const { route, navigate, workspace, setWorkspace, syncFromHash, setSearchOpen } = useApp();
  const [error, setError] = useState<{ text: string; canSwitch: boolean } | null>(null);
  const remindersOpen = useReminders((s) => s.open);
  useIdleLock();

  useEffect(() => {
    call('workspace.info', {}).then(setWorkspace, (e) =>
      setError({ text: errorText(e), canSwitch: e instanceof ApiError && e.code.startsWith('workspace.') }),
    );
    // Ctrl+K is installed once for the page (searchShortcut.ts), before this mounts.
    const onHash = () => syncFromHash();
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [setWorkspace, syncFromHash]);

  if (error && !workspace) {
    return (
      <div className="fatal">
        <p role="alert">{error.text}</p>
        {error.canSwitch && <RecoveryOffer />}
        {error.canSwitch && <WorkspaceSwitcher />}
        <ConfirmHost />
      </div>
    );
  }
  if (!workspace) return <div className="fatal">{t('app.loading')}</div>;
  if (!workspace.onboarded) return <Onboarding />;

  return (
    <div className={remindersOpen ? 'shell with-reminders' : 'shell'}>
      <ReminderPolling />
      <AccessRights />
      <nav className="sidebar" aria-label={t('app.name')}>
        <div className="brand">{t('app.name')}</div>
        <button className="nav-search" onClick={() => setSearchOpen(true)} title={t('nav.searchHint')}>
          {t('nav.search')} <kbd>Ctrl+K</kbd>
        </button>
        {SECTIONS.map((s) => (
          <a
            key={s}
            href={`#/${s}`}
            className={route.section === s ? 'nav-item active' : 'nav-item'}
            aria-current={route.section === s ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              navigate({ section: s });
            }}
          >
            {t(`nav.${s}`)}
          </a>
        ))}
        <ReminderBell />
        <BackupBadge />
        <UpdateNotice />
        <UserBadge />
      </nav>
      <main className="content">
        <IntegrityNotice />
        {route.section === 'clients' && !route.clientId && <ClientsPage />}
        {(route.section !== 'clients' || route.clientId) && (
          <SectionFrame key={route.section}>
            {route.section === 'clients' && route.clientId && <ClientCard key={route.clientId} id={route.clientId} />}
            {route.section === 'deals' && !route.dealId && <DealsPage />}
            {route.section === 'deals' && route.dealId && <DealCard key={route.dealId} id={route.dealId} />}
            {route.section === 'settings' && <SettingsPage />}
            {route.section === 'tasks' && <TasksPage />}
            {route.section === 'calendar' && <CalendarPage />}
            {route.section === 'exchange' && <ExchangePage />}
            {route.section === 'reports' && <ReportsPage />}
            {route.section === 'home' && <Dashboard />}
            {route.section === 'history' && <HistoryPage />}
          </SectionFrame>
        )}
      </main>
      <ReminderCenter />
      <GlobalSearch />
      <TaskDialogHost />
      <CompleteDialogHost />
      <Toasts />
      <ConfirmHost />
    </div>
  );
}

/** What the user's role may do, loaded once the workspace is ready (the screens hide the rest). */
function AccessRights() {
  const reload = useAccess((s) => s.reload);
  useEffect(() => void reload().catch(() => undefined), [reload]);
  return null;
}

/** Reminders are polled only inside a ready workspace. */
function ReminderPolling() {
  useReminderPolling();
  return null;
}
