import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { EMPTY_QUERY, hasFilters, useClients, type ListQuery } from './store';
import { DrillChip } from '../reports/DrillChip';
import { usePagedClients } from './usePagedClients';
import { ClientFilters } from './ClientFilters';
import { BulkBar } from './BulkBar';
import { ClientForm } from './form/ClientForm';
import { useApp } from '../app/store';
import { useLookups } from '../settings/lookups';
import { TagChip } from '../ui/TagChip';
import { formatDate } from '../i18n';
import { MatchNote } from './MatchNote';
import { useSearchCount } from './useSearchCount';
import { useMay } from '../access/store';

const ROW_HEIGHT = 44;
type Sort = ListQuery['sort'];

/** A column head that sorts the list by its column; a second click reverses the order. */
function SortHead(props: { sort: Sort; label: string; className: string; query: ListQuery; setQuery: (p: Partial<ListQuery>) => void }) {
  const { t } = useTranslation();
  const { query } = props;
  const searching = !!query.search.trim();
  const on = !searching && query.sort === props.sort;
  return (
    <button
      type="button"
      className={`link sort-head ${props.className}`}
      role="columnheader"
      aria-sort={on ? (query.dir === 'desc' ? 'descending' : 'ascending') : 'none'}
      // While searching, results come best match first; the chosen order returns after.
      disabled={searching}
      title={searching ? t('clients.sortBySearch') : t('clients.sortHint')}
      onClick={() =>
        props.setQuery(
          on ? { dir: query.dir === 'desc' ? 'asc' : 'desc' } : { sort: props.sort, dir: props.sort === 'createdAt' || props.sort === 'updatedAt' ? 'desc' : 'asc' },
        )
      }
    >
      {props.label} {on ? (query.dir === 'desc' ? '↓' : '↑') : ''}
    </button>
  );
}

export function ClientsPage() {
  const { t } = useTranslation();
  const { query, setQuery, version, selected, allMatching, toggle, refresh } = useClients();
  const navigate = useApp((s) => s.navigate);
  const mayBulk = useMay('bulk');
  const reloadLookups = useLookups((s) => s.reload);
  const [creating, setCreating] = useState(false);
  const [searchText, setSearchText] = useState(query.search);
  const [focused, setFocused] = useState(0);
  const { total, capped, error, getRow, show, loadedFirstPage } = usePagedClients(query, version);
  const searchCount = useSearchCount(query, capped, version);
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = total ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const firstShown = items[0]?.index ?? 0;
  const lastShown = items.at(-1)?.index ?? 0;
  useEffect(() => show(firstShown, lastShown), [firstShown, lastShown, show]);

  useEffect(() => {
    void reloadLookups();
  }, [reloadLookups]);

  // The list follows the search box on every keystroke; the core answers in
  // milliseconds, so no debounce beyond the next frame is needed.
  useEffect(() => {
    const h = requestAnimationFrame(() => setQuery({ search: searchText }));
    return () => cancelAnimationFrame(h);
  }, [searchText, setQuery]);

  // A report's number opened here: exactly the clients it counted, to act on in bulk.
  const drill = useApp((s) => s.route.drill);
  useEffect(() => {
    if (!drill) return;
    try {
      const d = JSON.parse(drill) as Partial<typeof query>;
      useClients.setState({ query: { ...EMPTY_QUERY, ...d }, selected: new Set(), allMatching: false });
      setSearchText('');
    } catch {
      // A damaged link opens the plain list.
    }
    navigate({ section: 'clients' });
  }, [drill, navigate]);

  // A new query or filter starts the keyboard focus at the first row again.
  useEffect(() => setFocused(0), [query]);

  const open = (id: string) => navigate({ section: 'clients', clientId: id });
  const onListKey = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = Math.max(0, Math.min(count - 1, focused + (e.key === 'ArrowDown' ? 1 : -1)));
      setFocused(next);
      virtualizer.scrollToIndex(next);
    } else if (e.key === 'Enter') {
      const row = getRow(focused);
      if (row) open(row.id);
    } else if (e.key === ' ') {
      e.preventDefault();
      const row = getRow(focused);
      if (row) toggle(row.id);
    }
  };

  const filtered = hasFilters(query);
  const searching = !!query.search.trim();
  const selectionCount = allMatching ? count : selected.size;

  return (
    <div className="page fill clients-page">
      <header className="page-head">
        <h1>{query.archived ? t('clients.archived') : t('clients.title')}</h1>
        <input
          className="search-input"
          type="search"
          autoFocus
          placeholder={t('clients.searchPlaceholder')}
          aria-label={t('clients.searchPlaceholder')}
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              scrollRef.current?.focus();
            } else if (e.key === 'Enter' && query.search === searchText) {
              // Rows of an older query are dropped on change, so this is never a stale card.
              const row = getRow(focused);
              if (row) open(row.id);
            }
          }}
        />
        <span className="muted total" data-testid="clients-total">
          {total !== null &&
            (!searching
              ? t('clients.total', { count: total })
              : !capped
                ? t('clients.found', { count: total })
                : searchCount && !searchCount.more
                  ? t('clients.found', { count: searchCount.count })
                  : t('clients.foundMore', { count: searchCount?.count ?? total }))}
        </span>
        <button className="primary" onClick={() => setCreating(true)}>
          {t('clients.new')}
        </button>
      </header>
      {query.fromReport && (
        <DrillChip fromReport={query.fromReport} onClear={() => setQuery({ audit: null, noContactSince: null, selection: null, fromReport: null, responsibleId: null })} />
      )}
      <ClientFilters />
      {selectionCount > 0 && mayBulk && <BulkBar count={selectionCount} total={count} />}
      {capped && <p className="notice">{t('clients.capped', { count })}</p>}
      {error && <p className="error" role="alert">{error}</p>}
      <div className="list-head" role="row">
        <span className="col-check" />
        <SortHead sort="name" className="col-name" label={t('clients.columns.name')} query={query} setQuery={setQuery} />
        <span className="col-phone">{t('clients.columns.phone')}</span>
        <span className="col-email">{t('clients.columns.email')}</span>
        <SortHead sort="inn" className="col-inn" label={t('clients.columns.inn')} query={query} setQuery={setQuery} />
        <span className="col-rel">{t('clients.columns.relation')}</span>
        <SortHead sort="responsible" className="col-resp" label={t('clients.columns.responsible')} query={query} setQuery={setQuery} />
        <span className="col-tags">{t('clients.columns.tags')}</span>
        <SortHead sort="createdAt" className="col-date" label={t('clients.columns.createdAt')} query={query} setQuery={setQuery} />
        <SortHead sort="updatedAt" className="col-date" label={t('clients.columns.updatedAt')} query={query} setQuery={setQuery} />
      </div>
      <div className="list-scroll" ref={scrollRef} tabIndex={0} onKeyDown={onListKey} role="grid" aria-rowcount={count} data-testid="client-list">
        {loadedFirstPage && count === 0 ? (
          <div className="empty-state">
            {searching || filtered ? (
              <>
                <h2>{t('clients.notFound')}</h2>
                <p className="muted">{t('clients.notFoundHint')}</p>
              </>
            ) : (
              <>
                <h2>{t('clients.empty')}</h2>
                <p className="muted">{t('clients.emptyHint')}</p>
                <button className="primary" onClick={() => setCreating(true)}>
                  {t('clients.new')}
                </button>
              </>
            )}
          </div>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((v) => {
              const row = getRow(v.index);
              const isSelected = row ? allMatching || selected.has(row.id) : false;
              return (
                <div
                  key={v.key}
                  role="row"
                  className={`list-row${v.index === focused ? ' focused' : ''}${isSelected ? ' selected' : ''}`}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${v.start}px)` }}
                  onClick={() => row && open(row.id)}
                >
                  {row ? (
                    <>
                      <span className="col-check" onClick={(e) => e.stopPropagation()}>
                        <input type="checkbox" aria-label={row.name} checked={isSelected} onChange={() => toggle(row.id)} />
                      </span>
                      <span className="col-name" title={row.name}>
                        <span className="col-name-line">
                          <span className={`kind-dot kind-${row.kind}`} title={t(`kinds.${row.kind}`)} />
                          {row.name}
                        </span>
                        <MatchNote match={row.match} />
                      </span>
                      <span className="col-phone">{row.phone}</span>
                      <span className="col-email">{row.email}</span>
                      <span className="col-inn">{row.inn}</span>
                      <span className="col-rel">{t(`relations.${row.relation}`)}</span>
                      <span className="col-resp">{row.responsible}</span>
                      <span className="col-tags">
                        {row.tags.map((tag) => (
                          <TagChip key={tag.id} tag={tag} />
                        ))}
                      </span>
                      <span className="col-date">{formatDate(row.createdAt)}</span>
                      <span className="col-date">{formatDate(row.updatedAt)}</span>
                    </>
                  ) : (
                    <span className="muted loading-row">{t('common.loading')}</span>
                  )}
                </div>
              );
            })}
          </div>
        )}
      </div>
      {creating && (
        <ClientForm
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            refresh();
            open(id);
          }}
        />
      )}
    </div>
  );
}
