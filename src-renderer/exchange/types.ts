import type { ProcOutput } from '../api/client';

export type Preview = Awaited<ProcOutput<'exchange.preview'>>;
export type FileInfo = Awaited<ProcOutput<'exchange.inspect'>>;
export type JobStatus = ProcOutput<'exchange.job'>;
export type ImportResult = Awaited<ProcOutput<'exchange.apply'>>;
export type Mapping = Record<number, string | null>;
export type Policy = 'skip' | 'update_empty' | 'overwrite' | 'create';
export type MatchKey = 'inn' | 'phone' | 'email';
