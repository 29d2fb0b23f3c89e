import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';
import { seedClients } from '../../src-main/core/seed/generator';
import { CLIENT_SORTS } from '../../src-main/core/clients/schemas';
import { plansOf } from '../helpers/plans';
import { invoke, INTERNAL_CALLER } from '../../src-main/core/procedures';

// The client list's sortable columns against the same order computed in plain JS
// from the table, page after page; and every page statement walks an index.

let t: TestWorkspace;
beforeAll(() => {
  t = openTestWorkspace();
  seedClients(t.sqlite(), { clients: 700, seed: 11 });
  // A few archived clients: they leave the active list and the tag counts.
  const some = (t.sqlite().prepare('SELECT id FROM clients ORDER BY seq LIMIT 25').pluck().all() as string[]);
  t.call('clients.archive', { ids: some });
});
afterAll(() => t.dispose());

interface Raw {
  id: string;
  seq: number;
  name_key: string;
  inn: string | null;
  responsible: string | null;
  created_at: string;
  updated_at: string;
  relation: string;
}

function expected(sort: (typeof CLIENT_SORTS)[number], desc: boolean, where = (_r: Raw) => true): string[] {
  const rows = (
    t
      .sqlite()
      .prepare(
        `SELECT c.id, c.seq, c.name_key, c.inn, u.name AS responsible, c.created_at, c.updated_at, c.relation
         FROM clients c LEFT JOIN users u ON u.id = c.responsible_id WHERE c.archived_at IS NULL`,
      )
      .all() as Raw[]
  ).filter(where);
  const d = desc ? -1 : 1;
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const bySeq = (a: Raw, b: Raw) => d * (a.seq - b.seq);
  rows.sort((a, b) => {
    switch (sort) {
      case 'name':
        return d * cmp(a.name_key, b.name_key) || bySeq(a, b);
      case 'createdAt':
        return d * cmp(a.created_at, b.created_at) || bySeq(a, b);
      case 'updatedAt':
        return d * cmp(a.updated_at, b.updated_at) || bySeq(a, b);
      case 'inn':
        // Blanks last in both directions.
        if ((a.inn === null) !== (b.inn === null)) return a.inn === null ? 1 : -1;
        return (a.inn && b.inn ? d * cmp(a.inn, b.inn) : 0) || bySeq(a, b);
      case 'responsible':
        if ((a.responsible === null) !== (b.responsible === null)) return a.responsible === null ? 1 : -1;
        return (a.responsible && b.responsible ? d * a.responsible.localeCompare(b.responsible, 'ru') : 0) || bySeq(a, b);
    }
  });
  return rows.map((r) => r.id);
}

function listed(query: Record<string, unknown>): string[] {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = t.call('clients.list', { query, offset, limit: 100 });
    ids.push(...page.rows.map((r) => r.id));
    if (offset + 100 >= page.total) return ids;
  }
}

describe('client list sorted by a column header', () => {
  for (const sort of CLIENT_SORTS) {
    for (const dir of ['asc', 'desc'] as const) {
      it(`${sort} ${dir}: every page in the order, blanks last`, () => {
        expect(listed({ sort, dir })).toEqual(expected(sort, dir === 'desc'));
      });
    }
  }

  it('with a filter, the same order over the filtered clients', () => {
    for (const sort of ['inn', 'responsible'] as const) {
      expect(listed({ sort, dir: 'desc', relation: 'client' })).toEqual(expected(sort, true, (r) => r.relation === 'client'));
    }
  });

  it('a page of any order is an index walk, never a sort of the whole table', () => {
    for (const sort of CLIENT_SORTS) {
      for (const dir of ['asc', 'desc'] as const) {
        const plans = plansOf(t.path, (s) => invoke(s, 'clients.list', { query: { sort, dir }, offset: 300, limit: 100 }, INTERNAL_CALLER));
        const pages = plans.filter((p) => /SELECT c\.seq FROM clients c/.test(p.sql));
        expect(pages.length, `${sort} ${dir}`).toBeGreaterThan(0);
        for (const p of pages) expect(p.plan, `${sort} ${dir}: ${p.sql}`).not.toMatch(/TEMP B-TREE|SCAN c\b/);
      }
    }
  });
});

describe('tag counts (the filter choices)', () => {
  it('count live clients only, without looking up every tagged client', () => {
    const truth = t
      .sqlite()
      .prepare(
        `SELECT t.id, count(c.id) AS n FROM tags t LEFT JOIN client_tags ct ON ct.tag_id = t.id
         LEFT JOIN clients c ON c.id = ct.client_id AND c.archived_at IS NULL GROUP BY t.id`,
      )
      .all() as { id: string; n: number }[];
    let tags: { id: string; clients: number }[] = [];
    const plans = plansOf(t.path, (s) => (tags = invoke(s, 'tags.list', {}, INTERNAL_CALLER) as typeof tags));
    expect(Object.fromEntries(tags.map((x) => [x.id, x.clients]))).toEqual(Object.fromEntries(truth.map((x) => [x.id, x.n])));
    expect(truth.some((x) => x.n > 20)).toBe(true);
    for (const p of plans) expect(p.plan).not.toMatch(/SEARCH c USING INDEX clients_id_unique/);
  });
});
