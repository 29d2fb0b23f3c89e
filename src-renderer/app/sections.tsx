import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Screens other than the client list load when first opened: the first screen then
 * parses only what it shows, and the calendar (react-big-calendar), the board (dnd-kit),
 * reports (chart.js) and the import wizard arrive with their own chunks.
 */
function lazyNamed<K extends string, P extends object>(load: () => Promise<Record<K, ComponentType<P>>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

export const ClientCard = lazyNamed(() => import('../clients/card/ClientCard'), 'ClientCard');
export const DealsPage = lazyNamed(() => import('../deals/DealsPage'), 'DealsPage');
export const DealCard = lazyNamed(() => import('../deals/DealCard'), 'DealCard');
export const SettingsPage = lazyNamed(() => import('../settings/SettingsPage'), 'SettingsPage');
export const TasksPage = lazyNamed(() => import('../tasks/TasksPage'), 'TasksPage');
export const CalendarPage = lazyNamed(() => import('../tasks/CalendarPage'), 'CalendarPage');
export const ExchangePage = lazyNamed(() => import('../exchange/ExchangePage'), 'ExchangePage');
export const ReportsPage = lazyNamed(() => import('../reports/ReportsPage'), 'ReportsPage');
export const Dashboard = lazyNamed(() => import('../home/Dashboard'), 'Dashboard');
export const HistoryPage = lazyNamed(() => import('../history/HistoryPage'), 'HistoryPage');

/** Where a lazy section mounts: a loading line while its chunk arrives, a reload offer if it cannot. */
export function SectionFrame({ children }: { children: ReactNode }) {
  return (
    <ChunkFailure>
      <Suspense fallback={<SectionLoading />}>{children}</Suspense>
    </ChunkFailure>
  );
}

function SectionLoading() {
  const { t } = useTranslation();
  return (
    <p className="muted" role="status">
      {t('app.sectionLoading')}
    </p>
  );
}

function SectionFailed() {
  const { t } = useTranslation();
  return (
    <div role="alert">
      <p>{t('app.sectionFailed')}</p>
      <button onClick={() => window.location.reload()}>{t('app.reload')}</button>
    </div>
  );
}

/**
 * A chunk that fails to load (in browser mode: the server was updated and the old
 * chunk names are gone) would otherwise blank the whole window; offer a reload instead.
 */
class ChunkFailure extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <SectionFailed /> : this.props.children;
  }
}
