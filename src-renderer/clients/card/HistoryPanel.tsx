import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HistoryComposer } from './HistoryComposer';
import { HistoryList } from './HistoryList';

/** Whose timeline: a client, or one deal of a client (entries then show on both cards). */
interface Owner {
  id: string;
  contacts: { id: string; name: string }[];
}

/** The deal card's history: the composer over the paged entries. */
export function HistoryPanel({ card, version, dealId }: { card: Owner; version: number; dealId?: string }) {
  const { t } = useTranslation();
  const [added, setAdded] = useState(0);
  return (
    <section className="panel history" aria-label={t('card.history')}>
      <h2>{t('card.history')}</h2>
      <HistoryComposer clientId={card.id} dealId={dealId} contacts={card.contacts} onAdded={() => setAdded((n) => n + 1)} />
      <HistoryList clientId={card.id} dealId={dealId} version={version + added} />
    </section>
  );
}
