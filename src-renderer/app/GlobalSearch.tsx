import { useEffect, useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/Dialog';
import { useApp } from './store';
import { useClientSearch } from '../clients/useClientSearch';
import { MatchNote } from '../clients/MatchNote';
import { searchTypeAhead } from './typeAhead';

/** Ctrl+K from any screen: a phone rings, the user types a few digits, Enter opens the card. */
export function GlobalSearch() {
  const { t } = useTranslation();
  const { searchOpen, setSearchOpen, navigate } = useApp();
  if (!searchOpen) return null;
  return <SearchBox close={() => setSearchOpen(false)} open={(id) => { setSearchOpen(false); navigate({ section: 'clients', clientId: id }); }} title={t('search.title')} />;
}

function SearchBox(props: { close: () => void; open: (id: string) => void; title: string }) {
  const { t } = useTranslation();
  // What was typed after Ctrl+K before this box existed starts in it (typeAhead.ts).
  const [q, setQ] = useState(() => searchTypeAhead.peek().text);
  const [active, setActive] = useState(0);
  const { rows, answered } = useClientSearch(q, 8);
  // Enter pressed before the answer to the latest keystroke arrived: open the first
  // row of that answer, never a row of an older query.
  const [pendingEnter, setPendingEnter] = useState(() => searchTypeAhead.peek().enter);
  useLayoutEffect(() => {
    // From here on the focused box takes the keys itself.
    const typed = searchTypeAhead.finish();
    if (typed.text) setQ(typed.text);
    if (typed.enter) setPendingEnter(true);
  }, []);
  const current = answered === q;
  useEffect(() => {
    if (pendingEnter && current) {
      setPendingEnter(false);
      if (rows[0]) props.open(rows[0].id);
    }
  }, [pendingEnter, current, rows, props]);
  return (
    <Dialog title={props.title} onClose={props.close} testId="global-search">
      <input
        autoFocus
        className="search-input big"
        placeholder={t('search.placeholder')}
        aria-label={t('search.placeholder')}
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, rows.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            if (!current) setPendingEnter(true);
            else if (rows[active]) props.open(rows[active].id);
          }
        }}
      />
      <ul className="search-results" role="listbox">
        {rows.map((r, i) => (
          <li
            key={r.id}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : ''}
            onMouseEnter={() => setActive(i)}
            onClick={() => props.open(r.id)}
          >
            <span>
              <strong>{r.name}</strong>
              <MatchNote match={r.match} />
            </span>
            <span className="muted">{[r.phone, r.inn ? `${t('fields.inn')} ${r.inn}` : null, r.email].filter(Boolean).join(' · ')}</span>
          </li>
        ))}
        {q.trim() && rows.length === 0 && <li className="muted">{t('search.nothing')}</li>}
      </ul>
      <p className="muted small">{t('search.hint')}</p>
    </Dialog>
  );
}
