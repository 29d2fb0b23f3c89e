import { useEffect, useRef, useState } from 'react';
import { call, type ProcOutput } from '../api/client';

type Row = ProcOutput<'clients.list'>['rows'][number];

/** Search-as-you-type: only the answer to the latest keystroke is shown. */
export function useClientSearch(search: string, limit: number) {
  const [rows, setRows] = useState<Row[]>([]);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    if (!search.trim()) {
      setRows([]);
      return;
    }
    setLoading(true);
    call('clients.list', { query: { search }, offset: 0, limit }).then(
      (page) => {
        if (mine === seq.current) {
          setRows(page.rows);
          setLoading(false);
        }
      },
      () => mine === seq.current && setLoading(false),
    );
  }, [search, limit]);
  return { rows, loading };
}
