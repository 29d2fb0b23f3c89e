import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '../i18n';

export interface PageAnswer<Row, Extra> {
  rows: Row[];
  /** The number of rows the whole list has, when this answer knows it. */
  total?: number;
  /** Anything else the list shows that comes with a page (totals, a cap flag). */
  extra?: Extra;
}

/** Pages asked for at once; the others wait, and are asked for only if still on screen. */
const MAX_IN_FLIGHT = 2;
/**
 * A page is asked for once the visible range has stayed the same for this many
 * animation frames: a fling across 200 pages (a new range every frame) asks for the
 * page it ends on, not every page it passed, however fast or slow the PC draws; a
 * slow scroll (the same rows for a few frames) loads as it goes.
 */
const SETTLE_FRAMES = 3;

/**
 * Rows of a virtual list fetched a page at a time from the core, for the rows on
 * screen only. The list reports its visible range with `show(first, last)`; pages
 * are requested when that range settles, never twice while one is in flight, at
 * most two at a time, and always for what is visible *now*. A change of `key` or
 * `version` starts again from the first page (asked for at once).
 */
export function usePagedRows<Row, Extra = undefined>(
  key: string,
  version: number,
  pageSize: number,
  fetchPage: (page: number, offset: number, limit: number) => Promise<PageAnswer<Row, Extra>>,
) {
  const [total, setTotal] = useState<number | null>(null);
  const [extra, setExtra] = useState<Extra | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [, force] = useState(0);
  const s = useRef({
    pages: new Map<number, Row[]>(),
    inflight: new Set<number>(),
    generation: 0,
    total: null as number | null,
    wanted: [0, 0] as [number, number],
    /** Frames the wanted range has not changed; -1 when no wait is under way. */
    stable: -1,
    frame: 0,
  }).current;
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  // Plain functions over the state in the ref: they only read and write `s`.
  const request = (page: number) => {
    const gen = s.generation;
    s.inflight.add(page);
    fetchRef.current(page, page * pageSize, pageSize).then(
      (res) => {
        if (gen !== s.generation) return;
        s.inflight.delete(page);
        s.pages.set(page, res.rows);
        if (res.total !== undefined) {
          s.total = res.total;
          setTotal(res.total);
        }
        if (res.extra !== undefined) setExtra(res.extra);
        setError(null);
        force((n) => n + 1);
        pump();
      },
      (e: unknown) => {
        if (gen !== s.generation) return;
        s.inflight.delete(page);
        setError(errorText(e));
      },
    );
  };
  /** Requests the missing pages of the visible range, top first, within the in-flight limit. */
  const pump = () => {
    const [first, rawLast] = s.wanted;
    const last = s.total === null ? rawLast : Math.min(rawLast, s.total - 1);
    for (let page = Math.floor(first / pageSize); page <= Math.floor(last / pageSize); page++) {
      if (s.inflight.size >= MAX_IN_FLIGHT) return;
      if (!s.pages.has(page) && !s.inflight.has(page)) request(page);
    }
  };
  const pumpRef = useRef(pump);
  pumpRef.current = pump;
  const requestRef = useRef(request);
  requestRef.current = request;

  useEffect(() => {
    s.generation++;
    s.pages = new Map();
    s.inflight = new Set();
    setError(null);
    requestRef.current(0);
    force((n) => n + 1);
  }, [key, version, s]);

  useEffect(() => () => cancelAnimationFrame(s.frame), [s]);

  /** The list's visible rows (overscan included); called after each render of the list. */
  const show = useCallback(
    (first: number, last: number) => {
      if (s.wanted[0] === first && s.wanted[1] === last) return;
      s.wanted = [first, last];
      const waiting = s.stable >= 0;
      s.stable = 0;
      if (waiting) return;
      const tick = () => {
        if (++s.stable < SETTLE_FRAMES) {
          s.frame = requestAnimationFrame(tick);
          return;
        }
        s.stable = -1;
        pumpRef.current();
      };
      s.frame = requestAnimationFrame(tick);
    },
    [s],
  );

  const getRow = useCallback(
    (index: number): Row | undefined => {
      const page = Math.floor(index / pageSize);
      return s.pages.get(page)?.[index - page * pageSize];
    },
    [pageSize, s],
  );

  return { total, extra, error, getRow, show, loadedFirstPage: s.pages.has(0) };
}
