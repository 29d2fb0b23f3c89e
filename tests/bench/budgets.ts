import { ms, table } from './measure';

// Every performance budget the issues set is one line here: the figure, the floor it is
// compared with (measured in the same run, on the same machine), the ratio, and the goal.
// Goals are printed and marked, never asserted: a slow shared machine must not fail CI,
// but a missed goal must be impossible to overlook in the output or in the JSON.

export interface BudgetGoal {
  /** The figure must be at most this many units (ms, MB, s …), if set. */
  max?: number;
  /** figure / floor must be at most this, if set. */
  maxRatio?: number;
}

export interface BudgetLine {
  /** Stable key for the JSON (e.g. "reports.funnel", "open.1gb"); other tools read it. */
  key: string;
  /** What is measured, in words, for the printed table. */
  label: string;
  figure: number;
  unit: 'ms' | 's' | 'MB' | 'KB' | 'x';
  /** The floor's figure in the same unit, or null when the goal is absolute only. */
  floor: number | null;
  /** How the floor was measured, one phrase. */
  floorLabel?: string;
  goal: BudgetGoal;
  ratio: number | null;
  met: boolean;
}

const lines: BudgetLine[] = [];

/** Records one budget line; returns it so a caller can also print it in its own table. */
export function recordBudget(line: Omit<BudgetLine, 'ratio' | 'met'>): BudgetLine {
  const ratio = line.floor !== null && line.floor > 0 && Number.isFinite(line.figure) ? line.figure / line.floor : null;
  const withinMax = line.goal.max === undefined || (Number.isFinite(line.figure) && line.figure <= line.goal.max);
  const withinRatio = line.goal.maxRatio === undefined || (ratio !== null && ratio <= line.goal.maxRatio);
  const full: BudgetLine = { ...line, ratio, met: withinMax && withinRatio };
  const at = lines.findIndex((l) => l.key === line.key);
  if (at >= 0) lines[at] = full;
  else lines.push(full);
  return full;
}

export function budgetLines(): readonly BudgetLine[] {
  return lines;
}

function goalText(l: BudgetLine): string {
  const parts: string[] = [];
  if (l.goal.max !== undefined) parts.push(`≤ ${l.goal.max} ${l.unit}`);
  if (l.goal.maxRatio !== undefined) parts.push(`≤ ${l.goal.maxRatio}×`);
  return parts.join(' and ');
}

const num = (x: number, unit: BudgetLine['unit']): string => (unit === 'ms' ? ms(x) : Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : '-');

/** The budgets table printed at the end of `npm run bench`; missed lines are marked. */
export function budgetsTable(): string {
  if (lines.length === 0) return 'budgets: none measured in this run';
  const missed = lines.filter((l) => !l.met).length;
  return [
    table(
      ['budget', 'figure', 'floor', 'ratio', 'goal', ''],
      lines.map((l) => [
        l.label,
        `${num(l.figure, l.unit)} ${l.unit}`,
        l.floor === null ? '-' : `${num(l.floor, l.unit)} ${l.unit}`,
        l.ratio === null ? '-' : `${l.ratio.toFixed(2)}x`,
        goalText(l),
        l.met ? 'ok' : 'MISSED',
      ]),
    ),
    `  ${lines.length - missed} of ${lines.length} budgets met${missed ? `; ${missed} missed (marked MISSED)` : ''}; floors are measured in this run on this machine`,
  ].join('\n');
}
