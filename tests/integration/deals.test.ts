import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catchAppError, issueKeys, openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

// Deals against a real workspace file: stage changes, closing and reopening, the
// shared history, board totals and paging, and
// deleting a stage that holds deals.

let ws: TestWorkspace;
let clock = new Date('2026-03-01T09:00:00.000Z');
const advance = (days: number) => (clock = new Date(clock.getTime() + days * 86_400_000));

beforeEach(() => {
  clock = new Date('2026-03-01T09:00:00.000Z');
  ws = openTestWorkspace({ clock: () => clock });
});
afterEach(() => ws.dispose());

const client = (name = 'ООО «Ромашка»') => ws.call('clients.create', { kind: 'organization', name, relation: 'client', status: 'active' }).id;
const sales = () => ws.call('pipelines.list', {}).find((p) => p.name === 'Продажа')!;
const stageNamed = (name: string) => sales().stages.find((s) => s.name === name)!;
const deal = (clientId: string, extra: Partial<Parameters<typeof ws.call<'deals.create'>>[1]> = {}) =>
  ws.call('deals.create', { title: 'Поставка', clientId, pipelineId: sales().id, amountKopecks: 100_000, ...extra }).id;
const move = (id: string, stageName: string, extra: Record<string, unknown> = {}) =>
  ws.call('deals.move', { id, stageId: stageNamed(stageName).id, ...extra });
const column = (stageName: string) => ws.call('deals.column', { stageId: stageNamed(stageName).id, limit: 200 }).cards.map((c) => c.id);

describe('defaults', () => {
  it('a new workspace has Russian pipelines, stages with won/lost, and lost reasons', () => {
    const pipes = ws.call('pipelines.list', {});
    expect(pipes.map((p) => p.name)).toEqual(['Продажа', 'Аренда', 'Услуги']);
    for (const p of pipes) {
      expect(p.stages.filter((s) => s.kind === 'won')).toHaveLength(1);
      expect(p.stages.filter((s) => s.kind === 'lost')).toHaveLength(1);
      expect(p.stages.at(-1)!.kind).toBe('lost');
    }
    expect(ws.call('lostReasons.list', {}).map((r) => r.name)).toContain('Дорого');
  });
});

describe('deals and stage changes', () => {
  it('creates a deal in the first open stage, records its first stage and logs it in the client history', () => {
    const c = client();
    const id = deal(c);
    const card = ws.call('deals.get', { id });
    expect(card.stageName).toBe('Новая заявка');
    expect(card.path).toHaveLength(1);
    expect(card.path[0]!.stageName).toBe('Новая заявка');
    const clientHistory = ws.call('history.list', { clientId: c });
    expect(clientHistory.map((h) => [h.kind, h.text, h.event, h.dealId, h.dealTitle])).toContainEqual([
      'system',
      '',
      { type: 'deal_created', title: 'Поставка' },
      id,
      'Поставка',
    ]);
    expect(ws.call('deals.history', { dealId: id }).map((h) => h.event)).toEqual([{ type: 'deal_created', title: 'Поставка' }]);
  });

  it('a note logged on a deal shows on the deal card and on the client card', () => {
    const c = client();
    const id = deal(c);
    ws.call('history.add', { clientId: c, dealId: id, kind: 'call', occurredAt: clock.toISOString(), text: 'Обсудили цену' });
    expect(ws.call('deals.history', { dealId: id }).map((h) => h.text)).toContain('Обсудили цену');
    expect(ws.call('history.list', { clientId: c }).find((h) => h.text === 'Обсудили цену')!.dealTitle).toBe('Поставка');
    const other = client('ИП Петров');
    const e = catchAppError(() => ws.call('history.add', { clientId: other, dealId: id, kind: 'note', occurredAt: clock.toISOString(), text: 'x' }));
    expect(issueKeys(e)).toEqual(['dealId:reference.missing']);
  });

  it('every stage change records from, to, when and who; the path shows time spent per stage', () => {
    const id = deal(client());
    advance(2);
    move(id, 'Квалификация');
    advance(3);
    const r = move(id, 'Переговоры');
    expect(r.card.daysInStage).toBe(0);
    advance(10);
    const rows = ws.sqlite().prepare('SELECT from_stage_id AS f, to_stage_id AS t, at, by_id AS byId FROM deal_stage_changes WHERE deal_id = ? ORDER BY at').all(id) as {
      f: string | null;
      t: string;
      at: string;
      byId: string;
    }[];
    expect(rows.map((x) => [x.f, x.t])).toEqual([
      [null, stageNamed('Новая заявка').id],
      [stageNamed('Новая заявка').id, stageNamed('Квалификация').id],
      [stageNamed('Квалификация').id, stageNamed('Переговоры').id],
    ]);
    expect(rows.every((x) => x.byId)).toBe(true);
    const path = ws.call('deals.get', { id }).path;
    expect(path.map((p) => [p.stageName, p.durationMs / 86_400_000])).toEqual([
      ['Новая заявка', 2],
      ['Квалификация', 3],
      ['Переговоры', 10],
    ]);
    // Norm of «Переговоры» is 7 days: the card is flagged.
    const card = ws.call('deals.column', { stageId: stageNamed('Переговоры').id }).cards[0]!;
    expect([card.daysInStage, card.overNorm, card.nextTask]).toEqual([10, true, null]);
  });

  it('orders cards within a column by where they were dropped', () => {
    const c = client();
    const [a, b, d] = [deal(c, { title: 'A' }), deal(c, { title: 'B' }), deal(c, { title: 'D' })];
    expect(column('Новая заявка')).toEqual([d, b, a]); // new deals go on top
    move(a, 'Новая заявка', { afterId: d, beforeId: b });
    expect(column('Новая заявка')).toEqual([d, a, b]);
    move(d, 'Квалификация');
    const e = deal(c, { title: 'E' });
    move(e, 'Квалификация', { afterId: d });
    move(b, 'Квалификация', { afterId: d, beforeId: e });
    expect(column('Квалификация')).toEqual([d, b, e]);
    // A move within the column is not a stage change.
    expect(ws.count('deal_stage_changes', `deal_id = '${a}'`)).toBe(1);
  });

  it('closing as lost needs a reason; reopening returns to the last open stage and clears it', () => {
    const c = client();
    const id = deal(c);
    move(id, 'Переговоры');
    const e = catchAppError(() => ws.call('deals.close', { id, outcome: 'lost' }));
    expect(issueKeys(e)).toEqual(['lostReasonId:deal.lost_reason_required']);
    expect(ws.call('deals.get', { id }).stageName).toBe('Переговоры');
    const reason = ws.call('lostReasons.list', {})[0]!;
    advance(1);
    ws.call('deals.close', { id, outcome: 'lost', lostReasonId: reason.id, lostComment: 'ушли к конкурентам' });
    let card = ws.call('deals.get', { id });
    expect([card.stageKind, card.lostReasonName, card.lostComment, card.closedAt]).toEqual(['lost', reason.name, 'ушли к конкурентам', clock.toISOString()]);
    expect(catchAppError(() => ws.call('deals.close', { id: deal(c), outcome: 'lost', lostReasonId: 'nope' })).issues[0]!.code).toBe('deal.lost_reason_required');
    advance(1);
    ws.call('deals.reopen', { id });
    card = ws.call('deals.get', { id });
    expect([card.stageName, card.lostReasonId, card.lostComment, card.closedAt]).toEqual(['Переговоры', null, null, null]);
    expect(catchAppError(() => ws.call('deals.reopen', { id })).code).toBe('deal.not_closed');
    ws.call('deals.close', { id, outcome: 'won' });
    expect(ws.call('deals.get', { id }).stageKind).toBe('won');
    const events = ws.call('deals.history', { dealId: id }).map((h) => h.event);
    expect(events).toEqual(['deal_won', 'deal_reopened', 'deal_lost', 'deal_created'].map((type) => ({ type, title: 'Поставка' })));
  });

  it('rejects bad input naming the field, and a failed write changes nothing', () => {
    const c = client();
    let e = catchAppError(() => ws.callRaw('deals.create', { title: ' ', clientId: c, pipelineId: sales().id, amountKopecks: -5 }));
    expect(issueKeys(e).sort()).toEqual(['amountKopecks:deal.amount_negative', 'title:required']);
    e = catchAppError(() => ws.callRaw('deals.create', { title: 'X', clientId: c, pipelineId: sales().id, amountKopecks: 10.5 }));
    expect(issueKeys(e)).toEqual(['amountKopecks:deal.amount_integer']);
    e = catchAppError(() => ws.call('deals.create', { title: 'X', clientId: c, pipelineId: sales().id, stageId: stageNamed('Успешно').id }));
    expect(issueKeys(e)).toEqual(['stageId:deal.stage_not_open']);
    ws.call('clients.archive', { ids: [c] });
    e = catchAppError(() => deal(c));
    expect(issueKeys(e)).toEqual(['clientId:deal.client_archived']);
    expect(ws.count('deals')).toBe(0);
  });

  it('keeps lines exact and custom values through the shared custom-field mechanism', () => {
    const f = ws.call('customFields.create', { entity: 'deal', name: 'Объект', type: 'text' }).id;
    const id = deal(client(), {
      lines: [
        { name: 'Монтаж', quantityMilli: 1500, priceKopecks: 333_33 },
        { name: 'Баннер', quantityMilli: 3000, priceKopecks: 10_01 },
      ],
      custom: { [f]: 'Склад на Лесной' },
    });
    const card = ws.call('deals.get', { id });
    // 1.5 × 333.33 ₽ = 499.995 ₽ → 500.00 ₽ (half up, once per line) + 3 × 10.01 ₽.
    expect(card.linesTotalKopecks).toBe(500_00 + 30_03);
    expect(card.custom[f]).toBe('Склад на Лесной');
    ws.call('deals.update', { id, patch: { amountKopecks: card.linesTotalKopecks, lines: [] } });
    expect(ws.call('deals.get', { id }).amountKopecks).toBe(530_03);
    expect(ws.count('deal_lines')).toBe(0);
  });

  it('moving a deal to another client takes its history along and drops the old contact person', () => {
    const a = client('ООО «Первый»');
    const b = client('ООО «Второй»');
    const contact = ws.call('contacts.create', { clientId: a, fields: { name: 'Сидорова Анна' } }).id;
    const id = deal(a, { contactId: contact });
    ws.call('history.add', { clientId: a, dealId: id, kind: 'note', occurredAt: clock.toISOString(), text: 'Заметка по сделке' });
    ws.call('deals.update', { id, patch: { clientId: b } });
    const card = ws.call('deals.get', { id });
    expect([card.clientId, card.contactId]).toEqual([b, null]);
    expect(ws.call('history.list', { clientId: b }).map((h) => h.text)).toContain('Заметка по сделке');
    expect(ws.call('history.list', { clientId: a }).map((h) => h.text)).not.toContain('Заметка по сделке');
    expect(issueKeys(catchAppError(() => ws.call('deals.update', { id, patch: { contactId: contact } })))).toEqual(['contactId:reference.missing']);
  });

  it('merging clients moves their deals to the kept card', () => {
    const keep = client('ООО «Вектор»');
    const gone = client('Вектор ООО');
    const id = deal(gone);
    ws.call('clients.merge', { keepId: keep, mergeId: gone });
    expect(ws.call('deals.get', { id }).clientId).toBe(keep);
    expect(ws.call('deals.byClient', { clientId: keep }).open.count).toBe(1);
  });
});

describe('board', () => {
  it('computes count and sum per column over the filtered deals and pages each column without gaps', () => {
    const c = client();
    const tagged = client('ООО «Альфа»');
    const tag = ws.call('tags.create', { name: 'VIP', color: '#ff0000' }).id;
    ws.call('clients.bulk', { target: { ids: [tagged] }, op: { action: 'addTag', tagId: tag } });
    const ids = Array.from({ length: 45 }, (_, i) => deal(i % 3 === 0 ? tagged : c, { title: `Сделка ${i}`, amountKopecks: 1000 + i }));
    for (const id of ids.slice(0, 5)) move(id, 'Договор');
    const board = ws.call('deals.board', { pipelineId: sales().id, pageSize: 20 });
    const first = board.columns[0]!;
    expect([first.count, first.sumKopecks, first.cards.length, first.hasMore]).toEqual([40, ids.slice(5).reduce((s, _, i) => s + 1005 + i, 0), 20, true]);
    const seen = [...first.cards.map((x) => x.id)];
    let after = first.cards.at(-1)!;
    for (;;) {
      const page = ws.call('deals.column', { stageId: first.stage.id, after: { position: after.position, id: after.id }, limit: 20 });
      seen.push(...page.cards.map((x) => x.id));
      if (!page.hasMore) break;
      after = page.cards.at(-1)!;
    }
    expect(new Set(seen).size).toBe(40);
    const filtered = ws.call('deals.board', { pipelineId: sales().id, filter: { tagId: tag, amountMin: 1010 } });
    expect(filtered.filtered).toBe(true);
    const expected = ids.map((id, i) => ({ id, i })).filter(({ i }) => i % 3 === 0 && 1000 + i >= 1010 && i >= 5);
    expect(filtered.columns[0]!.count).toBe(expected.length);
    expect(filtered.columns[0]!.sumKopecks).toBe(expected.reduce((s, { i }) => s + 1000 + i, 0));
    const textCount = (text: string) => ws.call('deals.board', { pipelineId: sales().id, filter: { text } }).columns.reduce((s, col) => s + col.count, 0);
    expect([textCount('альф'), textCount('ООО «АЛЬФ'), textCount('сделка 4'), textCount('СДЕЛКА 44'), textCount('ёжик')]).toEqual([15, 15, 6, 1, 0]);
    ws.call('deals.update', { id: ids[44]!, patch: { title: 'Ёжики к празднику' } });
    expect(textCount('ежик')).toBe(1);
    // The deal keeps a copy of its client's folded name (triggers): a renamed client is found by its new name.
    ws.call('clients.update', { id: tagged, patch: { name: 'ООО «Бета»' } });
    expect([textCount('альф'), textCount('бета')]).toEqual([0, 15]);
  });

  it('tells whether a moved card still matches the board filter', () => {
    const c = client();
    const id = deal(c, { amountKopecks: 500 });
    expect(move(id, 'Квалификация', { filter: { amountMin: 100 } }).matchesFilter).toBe(true);
    expect(move(id, 'Переговоры', { filter: { amountMin: 1000 } }).matchesFilter).toBe(false);
  });
});

describe('pipelines and stages in settings', () => {
  const stage = (name: string, probability = 10) => ({ name, color: '#4c6ef5', probability, normDays: 3 });

  it('creates a pipeline with stages, reorders, renames and refuses broken shapes', () => {
    const { id } = ws.call('pipelines.create', { name: 'Тендеры', stages: [stage('Заявка'), stage('Подача')], won: stage('Выиграли', 100), lost: stage('Проиграли', 0) });
    let p = ws.call('pipelines.list', {}).find((x) => x.id === id)!;
    expect(p.stages.map((s) => [s.name, s.kind])).toEqual([['Заявка', 'open'], ['Подача', 'open'], ['Выиграли', 'won'], ['Проиграли', 'lost']]);
    const [a, b] = p.stages;
    ws.call('stages.reorder', { pipelineId: id, ids: [b!.id, a!.id] });
    ws.call('stages.update', { id: a!.id, fields: { ...stage('Первичная заявка'), normDays: null } });
    p = ws.call('pipelines.list', {}).find((x) => x.id === id)!;
    expect(p.stages.slice(0, 2).map((s) => [s.name, s.normDays])).toEqual([['Подача', 3], ['Первичная заявка', null]]);
    expect(issueKeys(catchAppError(() => ws.call('stages.reorder', { pipelineId: id, ids: [a!.id] })))).toEqual(['ids:deal.reorder_mismatch']);
    expect(issueKeys(catchAppError(() => ws.callRaw('stages.update', { id: a!.id, fields: { ...stage('X'), probability: 120 } })))).toEqual([
      'fields.probability:deal.probability',
    ]);
    expect(catchAppError(() => ws.call('stages.delete', { id: p.stages[2]!.id })).code).toBe('deal.stage_closing');
  });

  it('deleting a stage with deals moves them where the user chose, records the moves, and keeps old paths readable', () => {
    const c = client();
    const ids = [deal(c), deal(c), deal(c)];
    for (const id of ids) move(id, 'Квалификация');
    const doomed = stageNamed('Квалификация');
    expect(sales().stages.find((s) => s.id === doomed.id)!.deals).toBe(3);
    expect(issueKeys(catchAppError(() => ws.call('stages.delete', { id: doomed.id })))).toEqual(['moveToStageId:deal.move_target_required']);
    expect(issueKeys(catchAppError(() => ws.call('stages.delete', { id: doomed.id, moveToStageId: stageNamed('Провалено').id })))).toEqual([
      'moveToStageId:deal.move_target_invalid',
    ]);
    expect(ws.call('deals.get', { id: ids[0]! }).stageName).toBe('Квалификация'); // nothing moved
    const target = stageNamed('Коммерческое предложение');
    expect(ws.call('stages.delete', { id: doomed.id, moveToStageId: target.id })).toEqual({ moved: 3 });
    expect(sales().stages.map((s) => s.name)).not.toContain('Квалификация');
    expect(new Set(column('Коммерческое предложение'))).toEqual(new Set(ids));
    expect(ws.call('deals.get', { id: ids[0]! }).path.map((p) => p.stageName)).toEqual(['Новая заявка', 'Квалификация', 'Коммерческое предложение']);
    const openStages = sales().stages.filter((s) => s.kind === 'open');
    for (const s of openStages.slice(1)) ws.call('stages.delete', { id: s.id, moveToStageId: openStages[0]!.id });
    expect(catchAppError(() => ws.call('stages.delete', { id: openStages[0]!.id })).code).toBe('deal.last_open_stage');
  });

  it('an empty pipeline can be archived, one with deals cannot', () => {
    const p = ws.call('pipelines.list', {})[1]!;
    ws.call('deals.create', { title: 'Офис', clientId: client(), pipelineId: p.id });
    expect(catchAppError(() => ws.call('pipelines.archive', { id: p.id })).code).toBe('deal.pipeline_has_deals');
    const empty = ws.call('pipelines.list', {})[2]!;
    ws.call('pipelines.archive', { id: empty.id });
    expect(ws.call('pipelines.list', {}).map((x) => x.name)).toEqual(['Продажа', 'Аренда']);
  });
});

describe('lists, client panel, stats', () => {
  it('pages of every sort order, either direction, add up to the whole sorted list (ties and empty close dates included)', () => {
    const c = client();
    const spec: [string, number, string | null][] = [
      ['Гамма', 500, '2027-03-01'], ['альфа', 100, null], ['Бета', 500, '2027-01-15'], ['Дельта', 0, null], ['ёлка', 300, '2027-01-15'], ['Альфа', 100, '2026-12-31'],
    ];
    for (const [title, amountKopecks, expectedClose] of spec) deal(c, { title, amountKopecks, expectedClose });
    for (const sort of ['updatedAt', 'createdAt', 'title', 'amount', 'expectedClose', 'client', 'stage'] as const) {
      for (const desc of [false, true]) {
        const whole = ws.call('deals.list', { status: 'all', sort, desc, limit: 100 }).rows.map((r) => r.id);
        const paged = [0, 2, 4].flatMap((offset) => ws.call('deals.list', { status: 'all', sort, desc, offset, limit: 2, withTotals: false }).rows.map((r) => r.id));
        expect(paged, `${sort} ${desc ? 'desc' : 'asc'}`).toEqual(whole);
        expect(new Set(whole).size).toBe(spec.length);
      }
    }
    const byClose = ws.call('deals.list', { status: 'all', sort: 'expectedClose', desc: false }).rows.map((r) => r.expectedClose);
    expect(byClose).toEqual(['2026-12-31', '2027-01-15', '2027-01-15', '2027-03-01', null, null]);
    const byAmount = ws.call('deals.list', { status: 'all', sort: 'amount', desc: true }).rows.map((r) => r.amountKopecks);
    expect(byAmount).toEqual([500, 500, 300, 100, 100, 0]);
  });

  it('lists deals with totals and sorting; the client card gets open and closed totals; stats count deals', () => {
    const c = client();
    const a = deal(c, { title: 'Б', amountKopecks: 200 });
    deal(c, { title: 'А', amountKopecks: 100 });
    ws.call('deals.close', { id: a, outcome: 'won' });
    const all = ws.call('deals.list', { status: 'all', sort: 'title', desc: false });
    expect([all.totals, all.rows.map((r) => r.title)]).toEqual([{ total: 2, sumKopecks: 300 }, ['А', 'Б']]);
    expect(ws.call('deals.list', { status: 'open' }).totals!.total).toBe(1);
    expect(ws.call('deals.list', { status: 'open', offset: 1, withTotals: false }).totals).toBeNull();
    const panel = ws.call('deals.byClient', { clientId: c });
    expect([panel.open, panel.won, panel.lost]).toEqual([{ kind: 'open', count: 1, sumKopecks: 100 }, { kind: 'won', count: 1, sumKopecks: 200 }, { count: 0, sumKopecks: 0 }]);
    ws.call('deals.archive', { id: a });
    expect(ws.call('workspace.info', {}).stats.deals).toBe(1);
  });
});
