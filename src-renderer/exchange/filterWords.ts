import { t } from '../i18n';
import type { ListQuery } from '../clients/store';
import type { DealListView } from '../deals/store';
import type { DealFilter, Pipelines } from '../deals/types';
import { formatMoney } from '../deals/money';

// What a list's filters say, in words, so the user sees what an export will hold.

interface Names {
  users: { id: string; name: string }[];
  tags: { id: string; name: string }[];
  fields: { id: string; name: string }[];
}

const nameOf = (list: { id: string; name: string }[], id: string | null | undefined) => list.find((x) => x.id === id)?.name ?? '?';

export function clientFilterWords(q: ListQuery, names: Names): string[] {
  const w: string[] = [];
  if (q.search.trim()) w.push(t('exchange.filterWords.search', { value: q.search.trim() }));
  if (q.archived) w.push(t('exchange.filterWords.archived'));
  if (q.kind) w.push(t('exchange.filterWords.kind', { value: t(`kinds.${q.kind}`) }));
  if (q.relation) w.push(t('exchange.filterWords.relation', { value: t(`relations.${q.relation}`) }));
  if (q.status) w.push(t('exchange.filterWords.status', { value: t(`statuses.${q.status}`) }));
  if (q.tagId) w.push(t('exchange.filterWords.tag', { value: nameOf(names.tags, q.tagId) }));
  if (q.responsibleId === 'none') w.push(t('exchange.filterWords.noResponsible'));
  else if (q.responsibleId) w.push(t('exchange.filterWords.responsible', { value: nameOf(names.users, q.responsibleId) }));
  if (q.region) w.push(t('exchange.filterWords.region', { value: q.region }));
  for (const c of q.custom) w.push(t('exchange.filterWords.custom', { name: nameOf(names.fields, c.fieldId), value: c.value }));
  return w;
}

export function dealFilterWords(pipelineId: string | null, f: DealFilter, view: DealListView | null, pipelines: Pipelines, users: Names['users']): string[] {
  const w: string[] = [];
  if (pipelineId) w.push(t('exchange.filterWords.pipeline', { value: pipelines.find((p) => p.id === pipelineId)?.name ?? '?' }));
  if (view && view.status !== 'all') w.push(t('exchange.filterWords.dealStatus', { value: t(`deals.list.statuses.${view.status}`) }));
  if (f.responsibleId === 'none') w.push(t('exchange.filterWords.noResponsible'));
  else if (f.responsibleId) w.push(t('exchange.filterWords.responsible', { value: nameOf(users, f.responsibleId) }));
  if (f.source) w.push(t('exchange.filterWords.source', { value: f.source }));
  if (f.tagId) w.push(t('exchange.filterWords.clientTag'));
  if (f.amountMin != null || f.amountMax != null)
    w.push(t('exchange.filterWords.amount', { from: f.amountMin != null ? formatMoney(f.amountMin) : '…', to: f.amountMax != null ? formatMoney(f.amountMax) : '…' }));
  if (f.text?.trim()) w.push(t('exchange.filterWords.search', { value: f.text.trim() }));
  if (f.noNextStep) w.push(t('exchange.filterWords.noNextStep'));
  return w;
}
