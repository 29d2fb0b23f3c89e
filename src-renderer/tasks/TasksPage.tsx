import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcInput, type ProcOutput } from '../api/client';
import { errorText } from '../i18n';
import { useLookups } from '../settings/lookups';
import { BucketList } from './BucketList';
import { BirthdaysPanel } from './BirthdaysPanel';
import { ClientPicker } from '../clients/ClientPicker';
import { DealPicker } from './DealPicker';
import { QuickAdd } from './QuickAdd';
import { typeLabel } from './format';
import { useTasks, userTimeZone } from './store';
import { useApp } from '../app/store';
import { DrillChip } from '../reports/DrillChip';

type Filter = NonNullable<ProcInput<'tasks.list'>['filter']>;
const BUCKETS = ['overdue', 'today', 'tomorrow', 'week', 'later', 'done'] as const;
type Bucket = (typeof BUCKETS)[number];

/** A report's or the dashboard's number opened here: whose tasks, which list, what else narrows it. */
interface TasksDrill {
  scope?: 'mine' | 'all';
  assigneeId?: string;
  bucket?: Bucket;
  doneFrom?: string;
  doneTo?: string;
  late?: boolean;
  fromReport?: string;
}

function parseDrill(drill: string | undefined): TasksDrill | null {
  try {
    return drill ? (JSON.parse(drill) as TasksDrill) : null;
  } catch {
    return null;
  }
}

export function TasksPage() {
  const { t } = useTranslation();
  const { types, typesLoaded, loadTypes, version, openDialog } = useTasks();
  const { users, loaded, reload } = useLookups();
  const drill = parseDrill(useApp((s) => s.route.drill));
  const [report, setReport] = useState<TasksDrill | null>(drill);
  const [who, setWho] = useState<string>(drill?.assigneeId ?? drill?.scope ?? 'mine');
  const [typeId, setTypeId] = useState('');
  const [client, setClient] = useState<{ id: string; name: string } | null>(null);
  const [deal, setDeal] = useState<{ id: string; title: string } | null>(null);
  const [counts, setCounts] = useState<ProcOutput<'tasks.counts'> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!typesLoaded) void loadTypes();
    if (!loaded) void reload();
  }, [typesLoaded, loadTypes, loaded, reload]);

  const filter: Filter = useMemo(
    () => ({
      scope: who === 'mine' ? 'mine' : 'all',
      assigneeId: who !== 'mine' && who !== 'all' ? who : null,
      typeId: typeId || null,
      clientId: client?.id ?? null,
      dealId: deal?.id ?? null,
      ...(report ? { doneFrom: report.doneFrom ?? null, doneTo: report.doneTo ?? null, late: report.late ?? null, fromReport: report.fromReport ?? null } : {}),
    }),
    [who, typeId, client, deal, report],
  );
  useEffect(() => {
    call('tasks.counts', { filter, timeZone: userTimeZone() }).then(
      (c) => {
        setCounts(c);
        setError(null);
      },
      (e) => setError(errorText(e)),
    );
  }, [filter, version]);

  return (
    <div className="page tasks-page">
      <header className="page-head">
        <h1>{t('nav.tasks')}</h1>
        <span className="spacer" />
        <button className="primary" onClick={() => openDialog({ mode: 'create', preset: {} })}>{t('tasks.new')}</button>
      </header>
      <QuickAdd />
      <div className="filters">
        <select aria-label={t('tasks.filters.who')} value={who} onChange={(e) => setWho(e.target.value)}>
          <option value="mine">{t('tasks.filters.mine')}</option>
          <option value="all">{t('tasks.filters.all')}</option>
          {users.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </select>
        <select aria-label={t('tasks.fields.type')} value={typeId} onChange={(e) => setTypeId(e.target.value)}>
          <option value="">{t('tasks.filters.anyType')}</option>
          {types.map((x) => <option key={x.id} value={x.id}>{typeLabel(x)}</option>)}
        </select>
        <div className="filter-client">
          <ClientPicker
            value={client}
            onChange={(c) => {
              setClient(c);
              setDeal(null);
            }}
          />
        </div>
        <div className="filter-client" data-testid="filter-deal">
          <DealPicker clientId={client?.id ?? null} value={deal} onChange={(d) => setDeal(d && { id: d.id, title: d.title })} />
        </div>
      </div>
      {report?.fromReport && <DrillChip fromReport={report.fromReport} onClear={() => setReport(null)} />}
      {error && <p className="error" role="alert">{error}</p>}
      <div className="tasks-columns">
        <div>
          {BUCKETS.filter((b) => !report?.bucket || b === report.bucket).map((b) => (
            <BucketList key={b} bucket={b} filter={filter} count={counts?.[b]} open={report?.bucket === b ? true : undefined} />
          ))}
        </div>
        <aside>
          <BirthdaysPanel />
        </aside>
      </div>
    </div>
  );
}
