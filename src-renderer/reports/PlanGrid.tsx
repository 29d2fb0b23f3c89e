import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { errorText } from '../i18n';
import { notifyError } from '../ui/toast';
import { useLookups } from '../settings/lookups';
import { MonthGrid, asValues, gridCells } from './MonthGrid';

/** The sales plan: active managers × months of a year, in roubles; the agency's plan is the sum. */
export function PlanGrid({ year: initialYear, onSaved }: { year: number; onSaved: () => void }) {
  const { t } = useTranslation();
  const users = useLookups((s) => s.users).filter((u) => u.active);
  const [year, setYear] = useState(initialYear);
  const [values, setValues] = useState<Map<string, string>>(new Map());
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    call('plans.get', { year }).then((cells) => setValues(asValues(cells.map((c) => ({ key: c.managerId, month: c.month, amountKopecks: c.amountKopecks })))), (e) => notifyError(errorText(e)));
  }, [year]);
  const save = async () => {
    const cells = gridCells(values);
    setInvalid(!cells);
    if (!cells) return;
    try {
      await call('plans.set', { cells: cells.map((c) => ({ managerId: c.key, month: c.month, amountKopecks: c.amountKopecks })) });
      onSaved();
    } catch (e) {
      notifyError(errorText(e));
    }
  };
  return (
    <section className="panel plan-grid" aria-label={t('reports.plans.title')}>
      <h2>{t('reports.plans.title')}</h2>
      <div className="row">
        <label className="row">
          {t('reports.plans.year')}
          <input className="short" type="number" value={year} min={2000} max={2100} onChange={(e) => setYear(Number(e.target.value) || year)} />
        </label>
        <span className="muted small">{t('reports.plans.pasteHint')}</span>
      </div>
      <MonthGrid year={year} rows={users.map((u) => ({ key: u.id, label: u.name }))} values={values} onChange={setValues} label={t('reports.plans.title')} totalLabel={t('reports.plans.total')} />
      {invalid && <p className="field-error" role="alert">{t('deals.filters.amountInvalid')}</p>}
      <div className="actions">
        <button className="primary" onClick={() => void save()}>
          {t('reports.plans.save')}
        </button>
      </div>
    </section>
  );
}
