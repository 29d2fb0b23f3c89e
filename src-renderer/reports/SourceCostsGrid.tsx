import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { errorText } from '../i18n';
import { notifyError } from '../ui/toast';
import { MonthGrid, asValues, gridCells } from './MonthGrid';

/** What each lead source cost per month (roubles): cost per deal and ROI in the sources report. */
export function SourceCostsGrid({ year, sources, onSaved }: { year: number; sources: string[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Map<string, string>>(new Map());
  const [extra, setExtra] = useState<string[]>([]);
  const [adding, setAdding] = useState('');
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    call('sourceCosts.get', { year }).then(
      (cells) => {
        setValues(asValues(cells.map((c) => ({ key: c.source, month: c.month, amountKopecks: c.amountKopecks }))));
        setExtra(cells.map((c) => c.source));
      },
      (e) => notifyError(errorText(e)),
    );
  }, [year]);
  const rows = [...new Set([...sources, ...extra])].sort((a, b) => a.localeCompare(b)).map((s) => ({ key: s, label: s }));
  const save = async () => {
    const cells = gridCells(values);
    setInvalid(!cells);
    if (!cells) return;
    try {
      await call('sourceCosts.set', { cells: cells.map((c) => ({ source: c.key, month: c.month, amountKopecks: c.amountKopecks })) });
      onSaved();
    } catch (e) {
      notifyError(errorText(e));
    }
  };
  return (
    <section className="panel" aria-label={t('reports.costs.title')}>
      <h2>{t('reports.costs.title')}</h2>
      <MonthGrid year={year} rows={rows} values={values} onChange={setValues} label={t('reports.costs.title')} />
      {invalid && <p className="field-error" role="alert">{t('deals.filters.amountInvalid')}</p>}
      <div className="actions">
        <input aria-label={t('reports.costs.source')} placeholder={t('reports.costs.source')} value={adding} onChange={(e) => setAdding(e.target.value)} />
        <button
          disabled={!adding.trim()}
          onClick={() => {
            setExtra([...extra, adding.trim()]);
            setAdding('');
          }}
        >
          {t('reports.costs.add')}
        </button>
        <span className="spacer" />
        <button className="primary" onClick={() => void save()}>
          {t('common.save')}
        </button>
      </div>
    </section>
  );
}
