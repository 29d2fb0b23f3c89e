import { useCallback, useEffect, useState } from 'react';
import { call, type ProcOutput } from '../api/client';
import { errorText } from '../i18n';
import { todayLocal } from './dates';

export type ClientDebt = ProcOutput<'receivables.client'>;

/** A client's receivables as of today, and a reload for after every write. */
export function useClientDebt(clientId: string) {
  const [data, setData] = useState<ClientDebt | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    call('receivables.client', { clientId, asOf: todayLocal() }).then(
      (d) => {
        setData(d);
        setError(null);
      },
      (e) => setError(errorText(e)),
    );
  }, [clientId]);
  useEffect(reload, [reload]);
  return { data, error, reload };
}
