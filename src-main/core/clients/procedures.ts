import { z } from 'zod';
import { about, creates } from '../audit/spec';
import { noteAuditTargets } from '../audit/hook';
import { proc, reads, writes } from '../procedures/define';
import { clientFields, clientPatch, contactFields, listQuery } from './schemas';
import { createClient, updateClient, setArchived } from './write';
import { getClientCard } from './read';
import { countSearch, listClients } from './list';
import { findDuplicates } from './duplicates';
import { mergeClients } from './merge';
import { lookupPhone } from './lookup';
import { bulkUpdate, resolveTarget } from './bulk';
import { createContact, updateContact, archiveContact } from './contacts';
import { addHistory, historyInput, listHistory } from '../history/service';
import { takeSafetyBackup } from '../backup/safety';
import { historySearch, searchHistory } from '../history/search';
import { historyCursor, id, limit, offset } from '../validation/rules';
import { requireClientVisible, requireContactVisible } from '../access/visibility';

const ids = z.array(id).min(1).max(200_000);

export const clientProcedures = {
  'clients.list': proc(reads('view'), z.object({ query: listQuery, offset, limit: limit(500, 100) }),
    (s, i) => listClients(s.ctx(), i.query, i.offset, i.limit),
  ),
  // The real number of matches of a capped search, asked for once the typing pauses.
  'clients.searchCount': proc(reads('view'), z.object({ query: listQuery }), (s, i) => countSearch(s.ctx(), i.query)),
  'clients.get': proc(reads('view'), z.object({ id }), (s, i) => getClientCard(s.ctx(), i.id)),
  'clients.create': proc(writes('change', { audit: creates('client') }), clientFields, (s, i) => createClient(s.ctx(), i)),
  'clients.update': proc(writes('change', { audit: about('client', (i) => i.id) }), z.object({ id, patch: clientPatch }), (s, i) => updateClient(s.ctx(), i.id, i.patch)),
  'clients.archive': proc(writes('archive', { audit: about('client', (i) => i.ids) }), z.object({ ids }), (s, i) => setArchived(s.ctx(), i.ids, true)),
  'clients.restore': proc(writes('archive', { audit: about('client', (i) => i.ids) }), z.object({ ids }), (s, i) => setArchived(s.ctx(), i.ids, false)),
  'clients.bulk': proc(writes('bulk', { audit: about('client', () => null) }),
    z.object({
      target: z.union([z.object({ ids }), z.object({ query: listQuery })]),
      op: z.discriminatedUnion('action', [
        z.object({ action: z.literal('addTag'), tagId: id }),
        z.object({ action: z.literal('removeTag'), tagId: id }),
        z.object({ action: z.literal('setResponsible'), responsibleId: id.nullable() }),
        z.object({ action: z.literal('archive') }),
        z.object({ action: z.literal('restore') }),
      ]),
    }),
    (s, i) => {
      const ids = resolveTarget(s.ctx(), i.target);
      noteAuditTargets(ids);
      // A change of many cards at once gets a backup first, so it can be taken back whole.
      if (ids.length > 1) takeSafetyBackup(s, 'bulk');
      return bulkUpdate(s.ctx(), ids, i.op);
    },
  ),
  'clients.merge': proc(writes('merge', { audit: about('client', (i) => [i.keepId, i.mergeId]) }), z.object({ keepId: id, mergeId: id }), (s, i) => {
    requireClientVisible(s.ctx(), i.keepId);
    requireClientVisible(s.ctx(), i.mergeId);
    if (i.keepId !== i.mergeId) takeSafetyBackup(s, 'merge');
    return mergeClients(s.ctx(), i.keepId, i.mergeId);
  }),
  'clients.duplicates': proc(reads('view'), z.object({
      inn: z.string().max(20).nullish(),
      phones: z.array(z.string().max(100)).max(50).default([]),
      emails: z.array(z.string().max(320)).max(50).default([]),
      excludeId: id.nullish(),
    }),
    (s, i) => findDuplicates(s.ctx(), i),
  ),
  'clients.lookupPhone': proc(reads('view'), z.object({ phone: z.string().max(100) }), (s, i) => lookupPhone(s.ctx(), i.phone)),
  'clients.regions': proc(reads('view'), z.object({}), (s) =>
    s.workspace.sqlite
      .prepare<[], { region: string }>('SELECT DISTINCT region FROM clients WHERE region IS NOT NULL ORDER BY region')
      .all()
      .map((r) => r.region),
  ),
  'contacts.create': proc(writes('change', { audit: creates('contact') }), z.object({ clientId: id, fields: contactFields }), (s, i) => {
    requireClientVisible(s.ctx(), i.clientId);
    return createContact(s.ctx(), i.clientId, i.fields);
  }),
  'contacts.update': proc(writes('change', { audit: about('contact', (i) => i.id) }), z.object({ id, fields: contactFields }), (s, i) => {
    requireContactVisible(s.ctx(), i.id);
    return updateContact(s.ctx(), i.id, i.fields);
  }),
  'contacts.archive': proc(writes('archive', { audit: about('contact', (i) => i.id) }), z.object({ id, archived: z.boolean().default(true) }), (s, i) => {
    requireContactVisible(s.ctx(), i.id);
    return archiveContact(s.ctx(), i.id, i.archived);
  }),
  'history.list': proc(reads('view'), z.object({
      clientId: id,
      before: historyCursor,
      limit: limit(200, 50),
    }),
    (s, i) => {
      requireClientVisible(s.ctx(), i.clientId);
      return listHistory(s.ctx(), i.clientId, i.before ?? null, i.limit);
    },
  ),
  'history.add': proc(writes('change', { audit: about('client', (i) => i.clientId) }), historyInput, (s, i) => {
    requireClientVisible(s.ctx(), i.clientId);
    return addHistory(s.ctx(), i);
  }),
  /** Every client's history in one list (the activity report's numbers open here). */
  'history.search': proc(
    reads('view'),
    z.object({ filter: historySearch.prefault({}), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }),
    (s, i) => searchHistory(s.ctx(), i.filter, i.offset, i.limit),
  ),
};
