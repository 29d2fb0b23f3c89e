import { useTranslation } from 'react-i18next';
import { parseRoubles, roublesText } from '../deals/money';

// A grid of roubles, rows × 12 months: typed cell by cell, or pasted from Excel (rows
// and tab-separated columns from the focused cell on). Shared by the sales plan and the
// lead source costs.

export interface GridRow {
  key: string;
  label: string;
}

export function MonthGrid({
  year,
  rows,
  values,
  onChange,
  label,
  totalLabel,
}: {
  year: number;
  rows: GridRow[];
  values: Map<string, string>;
  onChange: (next: Map<string, string>) => void;
  label: string;
  totalLabel?: string;
}) {
  const { i18n } = useTranslation();
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const monthName = (m: string) => new Date(`${m}-01T00:00:00`).toLocaleDateString(i18n.language === 'en' ? 'en-US' : 'ru-RU', { month: 'short' });
  const cellKey = (row: string, month: string) => `${row}|${month}`;
  const paste = (e: React.ClipboardEvent, r: number, m: number) => {
    const text = e.clipboardData.getData('text');
    if (!/[\t\n]/.test(text)) return;
    e.preventDefault();
    const next = new Map(values);
    text
      .replace(/\r/g, '')
      .split('\n')
      .filter((line, i, all) => line !== '' || i < all.length - 1)
      .forEach((line, dr) =>
        line.split('\t').forEach((cell, dm) => {
          const row = rows[r + dr];
          const month = months[m + dm];
          if (row && month) next.set(cellKey(row.key, month), cell.trim());
        }),
      );
    onChange(next);
  };
  const sum = (month: string) => rows.reduce((n, r) => n + (parseRoubles(values.get(cellKey(r.key, month)) ?? '') ?? 0), 0);
  return (
    <div className="report-table-wrap">
      <table className="table month-grid" aria-label={label}>
        <thead>
          <tr>
            <th />
            {months.map((m) => (
              <th key={m} className="num">
                {monthName(m)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={row.key}>
              <th>{row.label}</th>
              {months.map((m, mi) => {
                const v = values.get(cellKey(row.key, m)) ?? '';
                const bad = v.trim() !== '' && parseRoubles(v) === null;
                return (
                  <td key={m}>
                    <input
                      className="num"
                      aria-label={`${row.label}, ${monthName(m)}`}
                      aria-invalid={bad}
                      value={v}
                      onChange={(e) => onChange(new Map(values).set(cellKey(row.key, m), e.target.value))}
                      onPaste={(e) => paste(e, r, mi)}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        {totalLabel && (
          <tfoot>
            <tr>
              <th>{totalLabel}</th>
              {months.map((m) => (
                <th key={m} className="num">
                  {roublesText(sum(m))}
                </th>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

/** The grid's cells as kopecks; null for an empty cell (which removes a saved value); undefined when one is not a sum. */
export function gridCells(values: Map<string, string>): { key: string; month: string; amountKopecks: number | null }[] | undefined {
  const out: { key: string; month: string; amountKopecks: number | null }[] = [];
  for (const [k, v] of values) {
    const [key, month] = k.split('|') as [string, string];
    if (v.trim() === '') out.push({ key, month, amountKopecks: null });
    else {
      const kopecks = parseRoubles(v);
      if (kopecks === null) return undefined;
      out.push({ key, month, amountKopecks: kopecks });
    }
  }
  return out;
}

export const asValues = (cells: { key: string; month: string; amountKopecks: number }[]) => new Map(cells.map((c) => [`${c.key}|${c.month}`, roublesText(c.amountKopecks)]));
