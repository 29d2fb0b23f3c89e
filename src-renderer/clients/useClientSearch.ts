import { useEffect, useRef, useState } from 'react';
import { call, type ProcOutput } from '../api/client';

type Row = ProcOutput<'clients.list'>['rows'][number];

/** Search-as-you-type: only the answer to the latest keystroke is shown. */
export function useClientSearch(search: string, limit: number) {
  const [rows, setRows] = useState<Row[]>([]);
  // The query `rows` answer: lets Enter wait for the answer to what is typed now.
  const [answered, setAnswered] = useState('');
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    if (!search.trim()) {
      setRows([]);
      setAnswered(search);
      return;
    }
    setLoading(true);
    call('clients.list', { query: { search }, offset: 0, limit }).then(
      (page) => {
        if (mine === seq.current) {
          setRows(page.rows);
          setAnswered(search);
          setLoading(false);
        }
      },
      () => mine === seq.current && setLoading(false),
    );
  }, [search, limit]);
  return { rows, loading, answered };
}
