import { useCallback } from 'react';
import { call, type ProcOutput } from '../api/client';
import { usePagedRows } from '../ui/usePagedRows';
import type { ListQuery } from './store';

type Row = ProcOutput<'clients.list'>['rows'][number];
const PAGE = 100;

/**
 * Rows of the client list fetched a page at a time for the rows on screen:
 * 200,000 clients never travel to the renderer at once.
 */
export function usePagedClients(query: ListQuery, version: number) {
  const fetchPage = useCallback(async (_page: number, offset: number, limit: number) => {
    const res = await call('clients.list', { query, offset, limit });
    return { rows: res.rows, total: res.total, extra: { capped: res.capped } };
  }, [query]);
  const paged = usePagedRows<Row, { capped: boolean }>(JSON.stringify(query), version, PAGE, fetchPage);
  return { ...paged, capped: paged.extra?.capped ?? false };
}
