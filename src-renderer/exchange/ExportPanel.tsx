import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcOutput } from '../api/client';
import { errorText } from '../i18n';
import { notify, notifyError } from '../ui/toast';
import { useClients } from '../clients/store';
import { useDeals } from '../deals/store';
import { downloadFile } from './transfer';
import { fieldName } from './labels';

type Entities = ProcOutput<'exchange.entities'>;
const FORMATS = ['xlsx', 'csv', 'csv-1c', 'vcf'] as const;

/** Any list to a file: the client or deal list with its current filters, or all contact persons. */
export function ExportPanel() {
  const { t } = useTranslation();
  const [entities, setEntities] = useState<Entities | null>(null);
  const [entity, setEntity] = useState('clients');
  const [format, setFormat] = useState<(typeof FORMATS)[number]>('xlsx');
  const [columns, setColumns] = useState<Set<string> | null>(null);
  const [useFilters, setUseFilters] = useState(true);
  const [busy, setBusy] = useState(false);
  const query = useClients((s) => s.query);
  const formats = entity === 'deals' ? FORMATS.filter((f) => f !== 'vcf') : FORMATS;

  useEffect(() => {
    call('exchange.entities', {}).then(setEntities, (e) => notifyError(errorText(e)));
  }, []);
  const fields = entities?.exports.find((e) => e.key === entity)?.fields ?? [];

  const run = async () => {
    setBusy(true);
    // Deals as the deals screen shows them: its pipeline and filters; the list view's tab and sort.
    const d = useDeals.getState();
    const dealQuery = { pipelineId: d.pipelineId, filter: d.filter, status: d.view === 'list' ? d.list.status : 'all', sort: d.list.sort, desc: d.list.desc };
    try {
      const r = await call('exchange.export', {
        entity,
        format,
        query: !useFilters ? undefined : entity === 'clients' ? query : entity === 'deals' ? dealQuery : undefined,
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
          {t('exchange.entity')}
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
        {(entity === 'clients' || entity === 'deals') && (
          <label className="row">
            <input type="checkbox" checked={useFilters} onChange={(e) => setUseFilters(e.target.checked)} />
            {t(entity === 'deals' ? 'exchange.useDealFilters' : 'exchange.useFilters')}
          </label>
        )}
      </div>
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
