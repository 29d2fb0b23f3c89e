import { useTranslation } from 'react-i18next';
import type { FileInfo, Preview } from './types';

/** Choose the sheet and click the row holding the column names. */
export function HeaderStep(props: { info: FileInfo; sheet: number; preview: Preview; onSheet: (i: number) => void; onHeaderRow: (n: number) => void }) {
  const { t } = useTranslation();
  const { preview } = props;
  const width = Math.max(1, ...preview.rows.map((r) => r.cells.length));
  return (
    <div>
      {props.info.sheets.length > 1 && (
        <label className="row">
          {t('exchange.sheet')}
          <select value={props.sheet} onChange={(e) => props.onSheet(Number(e.target.value))}>
            {props.info.sheets.map((s) => (
              <option key={s.index} value={s.index}>
                {s.name || s.index + 1}
              </option>
            ))}
          </select>
        </label>
      )}
      <h3>{t('exchange.headerRow')}</h3>
      <p className="muted">{t('exchange.headerHint')}</p>
      <div className="xch-table-wrap">
        <table className="xch-table" aria-label={t('exchange.preview')}>
          <tbody>
            {preview.rows.map((r) => (
              <tr
                key={r.n}
                className={r.n === preview.headerRow ? 'xch-header-row' : r.n < (preview.headerRow ?? 0) ? 'xch-skipped' : undefined}
                onClick={() => props.onHeaderRow(r.n)}
              >
                <th scope="row">
                  <label>
                    <input
                      type="radio"
                      name="header-row"
                      checked={r.n === preview.headerRow}
                      onChange={() => props.onHeaderRow(r.n)}
                      aria-label={t('exchange.row', { n: r.n })}
                    />
                    {r.n}
                  </label>
                </th>
                {Array.from({ length: width }, (_, i) => (
                  <td key={i}>{r.cells[i] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
