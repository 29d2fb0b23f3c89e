import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLookups } from '../settings/lookups';
import './next-step.css';
import { parseRoubles, roublesText } from './money';
import { useDeals } from './store';
import { DrillChip, withoutDrill } from '../reports/DrillChip';

/** What a report's drill-down adds to the deal filter (core/deals/schemas.ts). */
const DRILL_KEYS = ['responsibleIds', 'sources', 'tagIds', 'region', 'currency', 'lostReasonId', 'closedFrom', 'closedTo', 'createdFrom', 'createdTo', 'expectedFrom', 'expectedTo', 'reachedStageId', 'lostAtStageId'] as const;

/** Responsible, source, client tag, amount range, text and "without next step": the same filters for board and list. */
export function DealFilters() {
  const { t } = useTranslation();
  const { filter, setFilter, sources } = useDeals();
  const { users, tags } = useLookups();
  const [text, setText] = useState(filter.text ?? '');
  const [min, setMin] = useState(filter.amountMin != null ? roublesText(filter.amountMin) : '');
  const [max, setMax] = useState(filter.amountMax != null ? roublesText(filter.amountMax) : '');
  // Text is applied after a short pause so the board is not reloaded on every keystroke.
  useEffect(() => {
    const h = setTimeout(() => {
      if ((filter.text ?? '') !== text) setFilter({ ...filter, text: text || null });
    }, 250);
    return () => clearTimeout(h);
  }, [text, filter, setFilter]);
  const amount = (v: string) => (v.trim() === '' ? null : parseRoubles(v));
  const badMin = min.trim() !== '' && amount(min) === null;
  const badMax = max.trim() !== '' && amount(max) === null;
  const applyAmounts = () => {
    if (badMin || badMax) return;
    // Leaving the field unchanged must not reload the board (it would drop a card kept in sight after a move).
    if (amount(min) === (filter.amountMin ?? null) && amount(max) === (filter.amountMax ?? null)) return;
    setFilter({ ...filter, amountMin: amount(min), amountMax: amount(max) });
  };
  const any = !!(filter.responsibleId || filter.source || filter.tagId || filter.amountMin != null || filter.amountMax != null || filter.text || filter.noNextStep);
  return (
    <div className="filters" role="search" data-testid="deal-filters">
      {filter.fromReport && <DrillChip fromReport={filter.fromReport} onClear={() => setFilter(withoutDrill(filter, DRILL_KEYS))} />}
      <input type="search" aria-label={t('deals.filters.text')} placeholder={t('deals.filters.text')} value={text} onChange={(e) => setText(e.target.value)} />
      <select aria-label={t('deals.fields.responsible')} value={filter.responsibleId ?? ''} onChange={(e) => setFilter({ ...filter, responsibleId: e.target.value || null })}>
        <option value="">{t('deals.fields.responsible')}: {t('common.all')}</option>
        <option value="none">{t('deals.filters.noResponsible')}</option>
        {users.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
      </select>
      <select aria-label={t('deals.fields.source')} value={filter.source ?? ''} onChange={(e) => setFilter({ ...filter, source: e.target.value || null })}>
        <option value="">{t('deals.fields.source')}: {t('common.all')}</option>
        {sources.map((s) => <option key={s} value={s}>{s}</option>)}
      </select>
      <select aria-label={t('deals.filters.tag')} value={filter.tagId ?? ''} onChange={(e) => setFilter({ ...filter, tagId: e.target.value || null })}>
        <option value="">{t('deals.filters.tag')}: {t('common.all')}</option>
        {tags.map((tag) => <option key={tag.id} value={tag.id}>{tag.name}</option>)}
      </select>
      <input className="short" aria-label={t('deals.filters.amountMin')} placeholder={t('deals.filters.amountMin')} value={min} aria-invalid={badMin} onChange={(e) => setMin(e.target.value)} onBlur={applyAmounts} onKeyDown={(e) => e.key === 'Enter' && applyAmounts()} />
      <input className="short" aria-label={t('deals.filters.amountMax')} placeholder={t('deals.filters.amountMax')} value={max} aria-invalid={badMax} onChange={(e) => setMax(e.target.value)} onBlur={applyAmounts} onKeyDown={(e) => e.key === 'Enter' && applyAmounts()} />
      <label className="toggle" title={t('deals.nextStep.noneHint')}>
        <input type="checkbox" checked={!!filter.noNextStep} onChange={(e) => setFilter({ ...filter, noNextStep: e.target.checked || null })} />
        {t('deals.filters.noNextStep')}
      </label>
      {(badMin || badMax) && <span className="field-error" role="alert">{t('deals.filters.amountInvalid')}</span>}
      {any && (
        <button
          className="link"
          onClick={() => {
            setText('');
            setMin('');
            setMax('');
            setFilter({});
          }}
        >
          {t('deals.filters.reset')}
        </button>
      )}
    </div>
  );
}
