import { z } from 'zod';
import { about, creates } from '../audit/spec';
import { proc, reads, writes } from './define';
import { listTags, createTag, updateTag, deleteTag } from '../tags/service';
import { listCustomFields, createCustomField, updateCustomField, archiveCustomField } from '../custom-fields/service';
import { CUSTOM_FIELD_ENTITIES, CUSTOM_FIELD_TYPES } from '../db/schema/enums';
import { colour as color, id, name } from '../validation/rules';

const entity = z.enum(CUSTOM_FIELD_ENTITIES);

export const settingsProcedures = {
  'tags.list': proc(reads('view'), z.object({}), (s) => listTags(s.ctx())),
  'tags.create': proc(writes('settings', { audit: creates('tag') }), z.object({ name, color }), (s, i) => createTag(s.ctx(), i.name, i.color)),
  'tags.update': proc(writes('settings', { audit: about('tag', (i) => i.id) }), z.object({ id, name, color }), (s, i) => updateTag(s.ctx(), i.id, i.name, i.color)),
  'tags.delete': proc(writes('settings', { audit: about('tag', (i) => i.id) }), z.object({ id }), (s, i) => deleteTag(s.ctx(), i.id)),
  'customFields.list': proc(reads('view'), z.object({ entity }), (s, i) => listCustomFields(s.ctx(), i.entity)),
  'customFields.create': proc(writes('settings', { audit: creates('custom_field') }), z.object({ entity, name, type: z.enum(CUSTOM_FIELD_TYPES), options: z.array(z.string().max(200)).max(200).default([]) }),
    (s, i) => createCustomField(s.ctx(), i),
  ),
  'customFields.update': proc(writes('settings', { audit: about('custom_field', (i) => i.id) }), z.object({ id, name, options: z.array(z.string().max(200)).max(200).default([]) }),
    (s, i) => updateCustomField(s.ctx(), i.id, i),
  ),
  'customFields.archive': proc(writes('settings', { audit: about('custom_field', (i) => i.id) }), z.object({ id }), (s, i) => archiveCustomField(s.ctx(), i.id)),
};
