import { randomUUID } from 'node:crypto';
import type { Session } from '../workspace/session';
import { AppError, toErrorPayload, type ErrorPayload } from '../errors';
import { FileStore } from './files';
import type { Analysis } from './analyse';
import type { ColumnMapping } from './header';

/** An analysis of one file running in the background; the UI polls it. */
export interface ImportJob {
  id: string;
  entity: string;
  fileId: string;
  fileName: string;
  sheet: number;
  headerRow: number;
  mapping: ColumnMapping;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  rowsRead: number;
  analysis: Analysis | null;
  error: ErrorPayload | null;
  abort: AbortController;
  applied: boolean;
}

const KEEP_JOBS = 3;

/** What the exchange keeps per open session: uploaded/produced files and import jobs. */
export class ExchangeState {
  readonly files = new FileStore();
  private jobs = new Map<string, ImportJob>();

  startJob(init: Omit<ImportJob, 'id' | 'state' | 'rowsRead' | 'analysis' | 'error' | 'abort' | 'applied'>, run: (job: ImportJob) => Promise<Analysis>): ImportJob {
    const job: ImportJob = { ...init, id: randomUUID(), state: 'running', rowsRead: 0, analysis: null, error: null, abort: new AbortController(), applied: false };
    this.jobs.set(job.id, job);
    // Old analyses hold whole files' records (in temporary tables): keep only the last few.
    for (const [id, old] of this.jobs) {
      if (this.jobs.size <= KEEP_JOBS) break;
      old.analysis?.candidates.drop();
      this.jobs.delete(id);
    }
    run(job).then(
      (a) => {
        job.analysis = a;
        job.state = 'done';
      },
      (e: unknown) => {
        job.state = job.abort.signal.aborted ? 'cancelled' : 'failed';
        job.error = toErrorPayload(e);
      },
    );
    return job;
  }

  job(id: string): ImportJob {
    const j = this.jobs.get(id);
    if (!j) throw new AppError('exchange.job_unknown', 'This import is no longer open: start again');
    return j;
  }
}

const states = new WeakMap<Session, ExchangeState>();

export function exchangeState(session: Session): ExchangeState {
  let s = states.get(session);
  if (!s) states.set(session, (s = new ExchangeState()));
  return s;
}
