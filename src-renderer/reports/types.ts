import type { ProcInput, ProcOutput } from '../api/client';

export type ReportResult = ProcOutput<'reports.run'>;
export type ReportColumn = ReportResult['columns'][number];
export type ReportQueryInput = ProcInput<'reports.run'>['query'];
export type Drill = ReportResult['drills'][number][string];
