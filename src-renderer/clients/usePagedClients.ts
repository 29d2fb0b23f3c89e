import { useCallback, useEffect, useRef, useState } from 'react';
import { call, type ProcOutput } from '../api/client';
import { errorText } from '../i18n';
import type { ListQuery } from './store';

type Row = ProcOutput<'clients.list'>['rows'][number];
const PAGE = 100;

/**
 * Rows of the client list fetched a page at a time as the virtual list scrolls:
 * 200,000 clients never travel to the renderer at once.
 */
export function usePagedClients(query: ListQuery, version: number) {
  const [total, setTotal] = useState<number | null>(null);
  const [capped, setCapped] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [, force] = useState(0);
  const pages = useRef(new Map<number, Row[]>());
  const inflight = useRef(new Set<number>());
  const generation = useRef(0);

  const fetchPage = useCallback(
    (page: number) => {
      if (pages.current.has(page) || inflight.current.has(page)) return;
      const gen = generation.current;
      inflight.current.add(page);
      call('clients.list', { query, offset: page * PAGE, limit: PAGE }).then(
        (res) => {
          if (gen !== generation.current) return;
          inflight.current.delete(page);
          pages.current.set(page, res.rows);
          setTotal(res.total);
          setCapped(res.capped);
          setError(null);
          force((n) => n + 1);
        },
        (e) => {
          if (gen !== generation.current) return;
          inflight.current.delete(page);
          setError(errorText(e));
        },
      );
    },
    [query],
  );

  useEffect(() => {
    generation.current++;
    pages.current = new Map();
    inflight.current = new Set();
    fetchPage(0);
  }, [fetchPage, version]);

  const getRow = useCallback(
    (index: number): Row | undefined => {
      const page = Math.floor(index / PAGE);
      const rows = pages.current.get(page);
      if (!rows) {
        fetchPage(page);
        return undefined;
      }
      return rows[index - page * PAGE];
    },
    [fetchPage],
  );

  return { total, capped, error, getRow, loadedFirstPage: pages.current.has(0) };
}
