import { useEffect, useState } from 'react';
import { call } from '../api/client';
import type { ListQuery } from './store';

/** Once the typing pauses this long, a capped search asks how many clients really match. */
const PAUSE_MS = 400;

/**
 * The real number of matches of a capped search. Counting costs more than a page
 * (~0.1 s for two letters at 200,000 clients), so it is asked for once per query,
 * after the typing pauses, and never for a query already replaced.
 */
export function useSearchCount(query: ListQuery, capped: boolean, version: number): { count: number; more: boolean } | null {
  const [answer, setAnswer] = useState<{ key: string; count: number; more: boolean } | null>(null);
  const key = JSON.stringify(query) + version;
  useEffect(() => {
    if (!capped) return;
    let live = true;
    const timer = setTimeout(() => {
      call('clients.searchCount', { query }).then(
        (r) => live && setAnswer({ key, ...r }),
        () => undefined,
      );
    }, PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [capped, key, query]);
  return capped && answer?.key === key ? { count: answer.count, more: answer.more } : null;
}
