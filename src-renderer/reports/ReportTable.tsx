import { useTranslation } from 'react-i18next';
import { routeHash } from '../app/store';
import { drillRoute } from './drillRoute';
import { showCell } from './format';
import type { ReportResult } from './types';

/** The report's table: every number with something behind it is a link to that list. */
export function ReportTable({ result, rowAction }: { result: ReportResult; rowAction?: (row: Record<string, unknown>) => React.ReactNode }) {
  const { t } = useTranslation();
  const { columns, rows, totals, drills, totalDrills } = result;
  const several = totals.length > 1 || rows.some((r) => r.currency && r.currency !== 'RUB');
  const numeric = (type: string) => type !== 'text' && type !== 'month' && type !== 'date';
  const cell = (row: Record<string, unknown>, key: string, i: number, drill: Record<string, unknown> | undefined, isTotal: boolean) => {
    const column = columns.find((c) => c.key === key)!;
    const text = showCell(result, column, row[key] ?? null, String(row.currency ?? 'RUB'), isTotal);
    const d = drill?.[key] as Parameters<typeof drillRoute>[0] | undefined;
    // The client of a row opens its card.
    if (key === 'client' && typeof row.clientId === 'string') return <a href={`#/clients/${encodeURIComponent(row.clientId)}`}>{text}</a>;
    if (d && text !== '' && row[key] !== 0) return <a href={routeHash(drillRoute(d))} title={t('reports.drillHint')}>{text}</a>;
    return text;
  };
  return (
    <div className="report-table-wrap">
      <table className="table report-table" data-testid="report-table">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} className={numeric(c.type) ? 'num' : undefined}>
                {t(c.label)}
              </th>
            ))}
            {several && <th>{t('reports.col.currency')}</th>}
            {rowAction && <th />}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c.key} className={numeric(c.type) ? 'num' : undefined}>
                  {cell(row, c.key, i, drills[i], false)}
                </td>
              ))}
              {several && <td>{String(row.currency ?? '')}</td>}
              {rowAction && <td>{rowAction(row)}</td>}
            </tr>
          ))}
        </tbody>
        {totals.length > 0 && (
          <tfoot>
            {totals.map((row, i) => (
              <tr key={i}>
                {columns.map((c, j) => (
                  <th key={c.key} className={numeric(c.type) ? 'num' : undefined}>
                    {j === 0 ? (several ? t('reports.totalsIn', { currency: row.currency }) : t('reports.totals')) : cell(row, c.key, i, totalDrills[i], true)}
                  </th>
                ))}
                {several && <th />}
                {rowAction && <th />}
              </tr>
            ))}
          </tfoot>
        )}
      </table>
    </div>
  );
}
