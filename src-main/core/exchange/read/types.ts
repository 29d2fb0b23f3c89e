/** One value of a spreadsheet cell as the readers hand it over. */
export type Cell = string | number | boolean | Date | null;

/** A row with its number as the user sees it in Excel (1-based). */
export interface SourceRow {
  n: number;
  cells: Cell[];
}

export interface SheetInfo {
  index: number;
  name: string;
}

/** A readable table file: CSV/TXT has one sheet, xlsx one per worksheet. */
export interface TableSource {
  kind: 'xlsx' | 'csv' | 'vcf';
  /** For CSV: what was detected, shown to the user. */
  encoding?: string;
  delimiter?: string;
  sheets(): Promise<SheetInfo[]>;
  rows(sheet: number, signal?: AbortSignal): AsyncIterable<SourceRow>;
}
