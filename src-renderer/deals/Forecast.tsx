import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcOutput } from '../api/client';
import { errorText } from '../i18n';
import { useLookups } from '../settings/lookups';
import { formatMoney } from './money';
import { useDeals } from './store';

type Row = ProcOutput<'deals.forecast'>[number];

/** Open and probability-weighted amounts by expected close month, per manager; computed by the core. */
export function Forecast() {
  const { t, i18n } = useTranslation();
  const users = useLookups((s) => s.users);
  const pipelines = useDeals((s) => s.pipelines);
  const [pipelineId, setPipelineId] = useState('');
  const [responsibleId, setResponsibleId] = useState('');
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('deals.forecast', { pipelineId: pipelineId || null, responsibleId: responsibleId || null }).then(setRows, (e) => setError(errorText(e)));
  }, [pipelineId, responsibleId]);
  const month = (m: string | null) =>
    m ? new Date(`${m}-01T00:00:00`).toLocaleDateString(i18n.language === 'en' ? 'en-US' : 'ru-RU', { month: 'long', year: 'numeric' }) : t('deals.forecast.noDate');
  const total = (rows ?? []).reduce((s, r) => ({ open: s.open + r.openKopecks, weighted: s.weighted + r.weightedKopecks, count: s.count + r.count }), { open: 0, weighted: 0, count: 0 });
  return (
    <section className="panel forecast" data-testid="forecast">
      <div className="row">
        <select aria-label={t('deals.fields.pipeline')} value={pipelineId} onChange={(e) => setPipelineId(e.target.value)}>
          <option value="">{t('deals.forecast.allPipelines')}</option>
          {pipelines.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
        <select aria-label={t('deals.fields.responsible')} value={responsibleId} onChange={(e) => setResponsibleId(e.target.value)}>
          <option value="">{t('deals.fields.responsible')}: {t('common.all')}</option>
          <option value="none">{t('deals.filters.noResponsible')}</option>
          {users.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </select>
        <span className="muted small">{t('deals.forecast.hint')}</span>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {rows && rows.length === 0 && <p className="muted">{t('deals.forecast.empty')}</p>}
      {rows && rows.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('deals.fields.pipeline')}</th>
              <th>{t('deals.forecast.month')}</th>
              <th>{t('deals.fields.responsible')}</th>
              <th className="num">{t('deals.forecast.count')}</th>
              <th className="num">{t('deals.forecast.open')}</th>
              <th className="num">{t('deals.forecast.weighted')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.pipelineId}:${r.responsibleId}:${r.month}`}>
                <td>{r.pipelineName}</td>
                <td>{month(r.month)}</td>
                <td>{r.responsibleName ?? t('deals.filters.noResponsible')}</td>
                <td className="num">{r.count}</td>
                <td className="num">{formatMoney(r.openKopecks)}</td>
                <td className="num">{formatMoney(r.weightedKopecks)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th colSpan={3}>{t('deals.forecast.total')}</th>
              <th className="num">{total.count}</th>
              <th className="num">{formatMoney(total.open)}</th>
              <th className="num">{formatMoney(total.weighted)}</th>
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}
