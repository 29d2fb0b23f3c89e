import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcOutput } from '../api/client';
import { errorText, formatDateTime } from '../i18n';
import { routeHash } from '../app/store';
import { formatMoney } from '../deals/money';
import { userTimeZone } from '../tasks/store';
import { DebtorsWidget } from '../receivables/DebtorsWidget';
import '../reports/reports.css';

type Data = ProcOutput<'dashboard.get'>;
const WIDGETS = ['tasks', 'noNextStep', 'month', 'receivables', 'funnel', 'week', 'birthdays', 'backup'] as const;
type Widget = (typeof WIDGETS)[number];
const LAYOUT_KEY = 'kartoteka.dashboard';

interface Layout {
  scope: 'me' | 'all';
  order: Widget[];
  hidden: Widget[];
}

function loadLayout(): Layout {
  try {
    const saved = JSON.parse(localStorage.getItem(LAYOUT_KEY) ?? 'null') as Partial<Layout> | null;
    const order = (saved?.order ?? []).filter((w): w is Widget => (WIDGETS as readonly string[]).includes(w));
    return { scope: saved?.scope === 'all' ? 'all' : 'me', order: [...order, ...WIDGETS.filter((w) => !order.includes(w))], hidden: saved?.hidden ?? [] };
  } catch {
    return { scope: 'me', order: [...WIDGETS], hidden: [] };
  }
}

const drill = (section: 'deals' | 'tasks', filter: unknown) => routeHash({ section, drill: JSON.stringify(filter) });

/** The first screen: the day's work and how the month goes, in one call to the core. */
export function Dashboard() {
  const { t } = useTranslation();
  const [layout, setLayoutState] = useState<Layout>(loadLayout);
  const [editing, setEditing] = useState(false);
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<string | null>(null);
  const setLayout = (next: Layout) => {
    localStorage.setItem(LAYOUT_KEY, JSON.stringify(next));
    setLayoutState(next);
  };
  useEffect(() => {
    call('dashboard.get', { scope: layout.scope, timeZone: userTimeZone() }).then(setData, (e) => setError(errorText(e)));
  }, [layout.scope]);

  const move = (w: Widget, by: -1 | 1) => {
    const order = [...layout.order];
    const i = order.indexOf(w);
    const j = i + by;
    if (j < 0 || j >= order.length) return;
    [order[i], order[j]] = [order[j]!, order[i]!];
    setLayout({ ...layout, order });
  };
  const widget = (w: Widget, title: string, body: React.ReactNode) => {
    const hidden = layout.hidden.includes(w);
    if (hidden && !editing) return null;
    return (
      <section key={w} className={`panel widget widget-${w}`} aria-label={title} data-testid={`widget-${w}`}>
        <h2>
          {title}
          {editing && (
            <span className="widget-edit">
              <label className="toggle small">
                <input type="checkbox" checked={!hidden} onChange={(e) => setLayout({ ...layout, hidden: e.target.checked ? layout.hidden.filter((x) => x !== w) : [...layout.hidden, w] })} />
                {t('reports.dashboard.show')}
              </label>
              <button className="icon" aria-label={`${t('reports.dashboard.up')}: ${title}`} onClick={() => move(w, -1)}>
                ↑
              </button>
              <button className="icon" aria-label={`${t('reports.dashboard.down')}: ${title}`} onClick={() => move(w, 1)}>
                ↓
              </button>
            </span>
          )}
        </h2>
        {!hidden && body}
      </section>
    );
  };

  const scopeFilter = (d: Data) => (d.scope === 'me' ? { scope: 'mine' } : { scope: 'all' });
  const render = (d: Data, w: Widget) => {
    switch (w) {
      case 'tasks':
        return widget(
          w,
          t('reports.dashboard.tasks'),
          <ul>
            <li>
              <a href="#/tasks">{t('reports.dashboard.today')}</a>
              <span className="big">{d.tasks.today}</span>
            </li>
            <li>
              <a href={drill('tasks', { ...scopeFilter(d), bucket: 'overdue' })}>{t('reports.dashboard.overdue')}</a>
              <span className={`big${d.tasks.overdue ? ' danger-text' : ''}`}>{d.tasks.overdue}</span>
            </li>
          </ul>,
        );
      case 'noNextStep':
        return widget(
          w,
          t('reports.dashboard.noNextStep'),
          <p>
            <a className="big" href={drill('deals', { pipelineId: null, status: 'open', filter: { noNextStep: true, fromReport: 'dashboard', ...(d.scope === 'me' ? { responsibleIds: [d.me] } : {}) } })}>
              {d.noNextStep}
            </a>{' '}
            <span className="muted small">{t('reports.dashboard.noNextStepHint')}</span>
          </p>,
        );
      case 'month': {
        const pct = d.month.donePercent ?? 0;
        return widget(
          w,
          t('reports.dashboard.month'),
          <>
            <p className="big">{formatMoney(d.month.wonKopecks)}</p>
            {d.month.planKopecks > 0 ? (
              <>
                <div className={`bar${pct >= 100 ? ' over' : ''}`} role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.min(100, pct)} aria-label={t('reports.dashboard.month')}>
                  <span style={{ width: `${Math.min(100, pct)}%` }} />
                </div>
                <p className="muted small">{t('reports.dashboard.ofPlan', { percent: pct, plan: formatMoney(d.month.planKopecks) })}</p>
              </>
            ) : (
              <p className="muted small">
                {t('reports.dashboard.noPlan')} · <a href="#/reports/plan-fact">{t('reports.dashboard.setPlan')}</a>
              </p>
            )}
          </>,
        );
      }
      case 'funnel': {
        if (!d.funnel) return null;
        const max = Math.max(1, ...d.funnel.stages.map((s) => s.count));
        return widget(
          w,
          t('reports.dashboard.funnel', { pipeline: d.funnel.pipeline }),
          <div>
            {d.funnel.stages
              .filter((s) => s.kind === 'open')
              .map((s) => (
                <div key={s.id} className="funnel-row" style={{ ['--stage' as string]: s.color }}>
                  <span>{s.name}</span>
                  <div className="bar">
                    <span style={{ width: `${(s.count / max) * 100}%` }} />
                  </div>
                  <span className="num">{s.count}</span>
                </div>
              ))}
          </div>,
        );
      }
      case 'week':
        return widget(
          w,
          t('reports.dashboard.week'),
          <ul>
            <li>
              <span>{t('reports.dashboard.newClients')}</span>
              <span>
                <strong>{d.week.newClients}</strong> <span className="muted small">{t('reports.dashboard.lastWeek', { n: d.week.newClientsBefore })}</span>
              </span>
            </li>
            <li>
              <a href={drill('deals', { pipelineId: null, status: 'all', filter: { createdFrom: d.week.span.start, createdTo: d.week.span.end, fromReport: 'dashboard', ...(d.scope === 'me' ? { responsibleIds: [d.me] } : {}) } })}>{t('reports.dashboard.newDeals')}</a>
              <span>
                <strong>{d.week.newDeals}</strong> <span className="muted small">{t('reports.dashboard.lastWeek', { n: d.week.newDealsBefore })}</span>
              </span>
            </li>
          </ul>,
        );
      case 'receivables':
        return widget(w, t('recv.widget.title'), <DebtorsWidget data={d.receivables} />);
      case 'birthdays':
        return widget(
          w,
          t('reports.dashboard.birthdays'),
          d.birthdays.length === 0 ? (
            <p className="muted">{t('reports.dashboard.noBirthdays')}</p>
          ) : (
            <ul>
              {d.birthdays.map((b) => (
                <li key={`${b.clientId}:${b.contactId ?? ''}`}>
                  <a href={`#/clients/${encodeURIComponent(b.clientId)}`}>{b.name}</a>
                  <span className="muted small">{b.date.slice(8, 10)}.{b.date.slice(5, 7)}</span>
                </li>
              ))}
            </ul>
          ),
        );
      case 'backup':
        return widget(
          w,
          t('reports.dashboard.backup'),
          <p className={d.backup.tooOld || d.backup.error ? 'error' : 'muted'}>
            {d.backup.lastAt ? t('reports.dashboard.lastBackup', { when: formatDateTime(d.backup.lastAt) }) : t('reports.dashboard.noBackup')}
            {d.backup.tooOld && ` · ${t('reports.dashboard.backupOld')}`}
          </p>,
        );
    }
  };

  return (
    <div className="page home-page">
      <header className="page-head">
        <h1>{t('reports.dashboard.title')}</h1>
        <div className="segmented" role="radiogroup" aria-label={t('reports.dashboard.title')}>
          {(['me', 'all'] as const).map((s) => (
            <label key={s} className={layout.scope === s ? 'on' : ''}>
              <input type="radio" name="dashboard-scope" checked={layout.scope === s} onChange={() => setLayout({ ...layout, scope: s })} />
              {t(`reports.dashboard.${s}`)}
            </label>
          ))}
        </div>
        <span className="spacer" />
        <a href="#/reports">{t('reports.dashboard.openReports')}</a>
        <button onClick={() => setEditing(!editing)}>{editing ? t('reports.dashboard.done') : t('reports.dashboard.customize')}</button>
      </header>
      {error && <p className="error" role="alert">{error}</p>}
      {!data && !error && <p className="muted">{t('common.loading')}</p>}
      {data && <div className="dashboard">{layout.order.map((w) => render(data, w))}</div>}
    </div>
  );
}
