import { useEffect, useState } from 'react';
import { call, type ProcOutput } from '../../api/client';

/** Existing clients with the same ИНН, phone or e-mail, checked as the user types. */
export function useDuplicates(input: { inn: string; phones: string[]; emails: string[]; excludeId?: string }) {
  const [hits, setHits] = useState<ProcOutput<'clients.duplicates'>>([]);
  const key = JSON.stringify(input);
  useEffect(() => {
    let alive = true;
    const timer = setTimeout(() => {
      const phones = input.phones.filter((p) => p.replace(/\D/g, '').length >= 5);
      const emails = input.emails.filter((e) => e.includes('@'));
      if (!input.inn.trim() && !phones.length && !emails.length) {
        setHits([]);
        return;
      }
      call('clients.duplicates', { inn: input.inn || null, phones, emails, excludeId: input.excludeId ?? null }).then(
        (h) => alive && setHits(h),
        () => alive && setHits([]),
      );
    }, 250);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return hits;
}
