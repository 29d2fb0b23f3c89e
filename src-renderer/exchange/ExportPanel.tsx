import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcOutput } from '../api/client';
import { errorText } from '../i18n';
import { notify, notifyError } from '../ui/toast';
import { EMPTY_QUERY, useClients } from '../clients/store';
import { useDeals } from '../deals/store';
import { useLookups } from '../settings/lookups';
import { downloadFile } from './transfer';
import { fieldName } from './labels';
import { clientFilterWords, dealFilterWords } from './filterWords';

type Entities = ProcOutput<'exchange.entities'>;
const FORMATS = ['xlsx', 'csv', 'csv-1c', 'vcf'] as const;

type Scope = 'all' | 'filtered';

/** What the client and deal screens currently show, in words, and the query behind it. */
function useListScope(entity: string) {
  const clientQuery = useClients((s) => s.query);
  const d = useDeals();
  const names = useLookups();
  const { loaded, reload } = names;
  useEffect(() => {
    if (!loaded) void reload();
  }, [loaded, reload]);
  // Deals as the deals screen shows them: its pipeline and filters; the list view's tab and sort.
  const dealQuery = { pipelineId: d.pipelineId, filter: d.filter, status: d.view === 'list' ? d.list.status : ('all' as const), sort: d.list.sort, desc: d.list.desc };
  if (entity === 'clients') return { query: clientQuery as unknown, words: clientFilterWords(clientQuery, names) };
  if (entity === 'deals') return { query: dealQuery as unknown, words: dealFilterWords(d.pipelineId, d.filter, d.view === 'list' ? d.list : null, d.pipelines, names.users) };
  return { query: undefined, words: [] as string[] };
}

/** How many rows a query sends to the file, asked of the same lists the screens use. */
async function countRows(entity: string, query: unknown): Promise<number | null> {
  if (entity === 'clients') return (await call('clients.list', { query: (query ?? EMPTY_QUERY) as typeof EMPTY_QUERY, offset: 0, limit: 1 })).total;
  if (entity === 'deals') {
    const q = (query ?? { pipelineId: null, status: 'all', filter: {} }) as { pipelineId: string | null; status: 'all'; filter: object };
    return (await call('deals.list', { pipelineId: q.pipelineId, status: q.status, filter: q.filter, offset: 0, limit: 1, withTotals: true })).totals?.total ?? null;
  }
  return (await call('workspace.info', {})).stats.contacts;
}

/**
 * Any list to a file. The whole list unless the user chooses the rows the client or
 * deal screen has filtered: a search typed there earlier must not shrink the file
 * without the user seeing it. Both choices say how many rows go out.
 */
export function ExportPanel() {
  const { t, i18n } = useTranslation();
  const [entities, setEntities] = useState<Entities | null>(null);
  const [entity, setEntity] = useState('clients');
  const [format, setFormat] = useState<(typeof FORMATS)[number]>('xlsx');
  const [columns, setColumns] = useState<Set<string> | null>(null);
  const [scope, setScope] = useState<Scope>('all');
  const [counts, setCounts] = useState<Record<Scope, number | null>>({ all: null, filtered: null });
  const [busy, setBusy] = useState(false);
  const list = useListScope(entity);
  const filtered = list.words.length > 0;
  const formats = entity === 'deals' ? FORMATS.filter((f) => f !== 'vcf') : FORMATS;
  const queryKey = JSON.stringify(list.query ?? null);

  useEffect(() => {
    call('exchange.entities', {}).then(setEntities, (e) => notifyError(errorText(e)));
  }, []);
  useEffect(() => {
    let live = true;
    setCounts({ all: null, filtered: null });
    const query = JSON.parse(queryKey) as unknown;
    void Promise.all([countRows(entity, undefined), filtered ? countRows(entity, query) : Promise.resolve(null)]).then(
      ([all, some]) => live && setCounts({ all, filtered: some }),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [entity, queryKey, filtered]);
  const fields = entities?.exports.find((e) => e.key === entity)?.fields ?? [];
  const chosen: Scope = filtered ? scope : 'all';
  const shown = (n: number | null) => (n === null ? '…' : n.toLocaleString(i18n.language === 'en' ? 'en-US' : 'ru-RU'));

  const run = async () => {
    setBusy(true);
    try {
      const r = await call('exchange.export', {
        entity,
        format,
        query: chosen === 'filtered' ? list.query : undefined,
        columns: columns ? fields.map((f) => f.key).filter((k) => columns.has(k)) : null,
      });
      await downloadFile(r.fileId);
      notify(t('exchange.exported', { count: r.rows }));
    } catch (e) {
      notifyError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-label={t('exchange.exportTitle')}>
      <h2>{t('exchange.exportTitle')}</h2>
      <p className="muted">{t('exchange.exportHint')}</p>
      <div className="row">
        <label className="row">
          {t('exchange.exportEntity')}
          <select
            value={entity}
            onChange={(e) => {
              setEntity(e.target.value);
              setColumns(null);
              if (e.target.value === 'deals' && format === 'vcf') setFormat('xlsx');
            }}
          >
            <option value="clients">{t('exchange.entities.clients')}</option>
            <option value="contacts">{t('exchange.entities.contacts')}</option>
            <option value="deals">{t('exchange.entities.deals')}</option>
          </select>
        </label>
        <label className="row">
          {t('exchange.format')}
          <select value={format} onChange={(e) => setFormat(e.target.value as (typeof FORMATS)[number])}>
            {formats.map((f) => (
              <option key={f} value={f}>
                {t(`exchange.formats.${f}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="xch-scope" aria-label={t('exchange.scope.title')}>
        <legend>{t('exchange.scope.title')}</legend>
        <label>
          {filtered && <input type="radio" name="export-scope" checked={chosen === 'all'} onChange={() => setScope('all')} />}
          <span data-testid="scope-all">{t(`exchange.scope.all.${entity}`, { shown: shown(counts.all) })}</span>
        </label>
        {filtered && (
          <label>
            <input type="radio" name="export-scope" checked={chosen === 'filtered'} onChange={() => setScope('filtered')} />
            <span data-testid="scope-filtered">
              {t('exchange.scope.filtered', { shown: shown(counts.filtered) })}
              <span className="muted"> {list.words.join(', ')}</span>
            </span>
          </label>
        )}
      </fieldset>
      {format !== 'vcf' && (
        <fieldset className="xch-columns">
          <legend>{t('exchange.columns')}</legend>
          <label>
            <input type="checkbox" checked={!columns} onChange={(e) => setColumns(e.target.checked ? null : new Set(fields.map((f) => f.key)))} />
            {t('exchange.allColumns')}
          </label>
          {columns &&
            fields.map((f) => (
              <label key={f.key}>
                <input
                  type="checkbox"
                  checked={columns.has(f.key)}
                  onChange={(e) => {
                    const next = new Set(columns);
                    if (e.target.checked) next.add(f.key);
                    else next.delete(f.key);
                    setColumns(next);
                  }}
                />
                {fieldName({ ...f, customName: f.key.startsWith('custom:') ? f.header : null })}
              </label>
            ))}
        </fieldset>
      )}
      <div className="actions">
        <button className="primary" disabled={busy || (!!columns && columns.size === 0)} onClick={() => void run()}>
          {busy ? t('exchange.exporting') : t('exchange.download')}
        </button>
      </div>
    </section>
  );
}
