import { describe, expect, it } from 'vitest';
import { checkPassed, DEFAULT_CHOICES, initialWizard, newUsersOf, wizardReducer, type WizardAction, type WizardState } from '../../src-renderer/exchange/wizardState';
import type { FileInfo, ImportResult, JobStatus, Preview } from '../../src-renderer/exchange/types';

// The import wizard's step machine (src-renderer/exchange/wizardState.ts): each step
// holds its own data, transitions that do not belong to a step change nothing, and
// going back keeps what the user chose.

const info = { name: 'клиенты 1С.xlsx', sheets: [{ name: 'Лист1' }, { name: 'Лист2' }] } as unknown as FileInfo;
const preview = (headerRow: number | null, mapping: Record<number, string | null> = { 0: 'name', 1: 'inn' }) =>
  ({ headerRow, headers: ['Наименование', 'ИНН'], rows: [], mapping, presets: [] }) as unknown as Preview;
const status = (state: JobStatus['state'], accepted: number, newUsers: string[] = []) =>
  ({ state, summary: { accepted, rejected: 0, warnings: 0, newUsers } }) as unknown as JobStatus;
const result = { created: 3, updated: 1, skipped: 0, batchId: 'b1' } as unknown as ImportResult;

const run = (actions: WizardAction[], from: WizardState = initialWizard()) => actions.reduce(wizardReducer, from);
const toCheck: WizardAction[] = [
  { type: 'loaded', fileId: 'f1', info, preview: preview(2) },
  { type: 'toMapping' },
  { type: 'checkStarted', jobId: 'j1' },
];

describe('the import wizard', () => {
  it('walks file → header → mapping → check → duplicates → result, each step with its own data', () => {
    let s = run([{ type: 'entity', entity: 'deals' }]);
    expect(s).toEqual({ step: 'file', entity: 'deals', choices: DEFAULT_CHOICES });
    s = run([{ type: 'loaded', fileId: 'f1', info, preview: preview(2) }], s);
    expect(s).toMatchObject({ step: 'header', entity: 'deals', fileId: 'f1', sheet: 0, mapping: { 0: 'name', 1: 'inn' } });
    s = run([{ type: 'toMapping' }, { type: 'mapping', mapping: { 0: 'title', 1: null } }], s);
    expect(s).toMatchObject({ step: 'mapping', mapping: { 0: 'title', 1: null } });
    s = run([{ type: 'checkStarted', jobId: 'j1' }], s);
    expect(s).toMatchObject({ step: 'check', jobId: 'j1', status: null, mapping: { 0: 'title', 1: null } });
    s = run([{ type: 'status', status: status('done', 5, ['Иванов']) }, { type: 'toDuplicates' }], s);
    expect(s).toMatchObject({ step: 'duplicates', jobId: 'j1', dry: null });
    expect(newUsersOf(s)).toEqual(['Иванов']);
    s = run([{ type: 'dry', dry: result }, { type: 'applied', result }], s);
    expect(s).toEqual({ step: 'result', entity: 'deals', info, result, choices: DEFAULT_CHOICES });
    // The result holds no file, job or preview: nothing stale to reuse.
    expect(Object.keys(s).sort()).toEqual(['choices', 'entity', 'info', 'result', 'step']);
  });

  it('goes to columns only once a header row is chosen', () => {
    const s = run([{ type: 'loaded', fileId: 'f1', info, preview: preview(null) }, { type: 'toMapping' }]);
    expect(s.step).toBe('header');
    const chosen = run([{ type: 'previewed', sheet: 1, preview: preview(3, { 0: 'phone' }) }, { type: 'toMapping' }], s);
    expect(chosen).toMatchObject({ step: 'mapping', sheet: 1, mapping: { 0: 'phone' } });
  });

  it('leaves the check only when it ended with rows to import', () => {
    const checking = run(toCheck);
    expect(checkPassed(checking)).toBe(false);
    expect(run([{ type: 'toDuplicates' }], checking).step).toBe('check');
    expect(run([{ type: 'status', status: status('running', 5) }, { type: 'toDuplicates' }], checking).step).toBe('check');
    expect(run([{ type: 'status', status: status('done', 0) }, { type: 'toDuplicates' }], checking).step).toBe('check');
    expect(run([{ type: 'status', status: status('done', 1) }, { type: 'toDuplicates' }], checking).step).toBe('duplicates');
  });

  it('a failed or cancelled check returns to the columns with the mapping kept', () => {
    const s = run([...toCheck.slice(0, 2), { type: 'mapping', mapping: { 0: 'email' } }, { type: 'checkStarted', jobId: 'j1' }, { type: 'checkFailed' }]);
    expect(s).toMatchObject({ step: 'mapping', mapping: { 0: 'email' } });
    expect('jobId' in s).toBe(false);
  });

  it('a change of choices asks for a new dry run; back and forward keeps the choices', () => {
    let s = run([...toCheck, { type: 'status', status: status('done', 2) }, { type: 'toDuplicates' }, { type: 'dry', dry: result }]);
    s = run([{ type: 'choices', choices: { policy: 'overwrite', matchOrder: ['email', 'inn', 'phone'] } }], s);
    expect(s).toMatchObject({ step: 'duplicates', dry: null, choices: { policy: 'overwrite', matchOrder: ['email', 'inn', 'phone'], createUsers: true } });
    s = run([{ type: 'back' }], s);
    expect(s).toMatchObject({ step: 'check', jobId: 'j1' });
    s = run([{ type: 'toDuplicates' }], s);
    expect(s).toMatchObject({ step: 'duplicates', choices: { policy: 'overwrite' } });
  });

  it('back from the header row starts over with the entity and choices kept', () => {
    const s = run([{ type: 'entity', entity: 'contacts' }, { type: 'loaded', fileId: 'f1', info, preview: preview(2) }, { type: 'back' }]);
    expect(s).toEqual({ step: 'file', entity: 'contacts', choices: DEFAULT_CHOICES });
  });

  it('ignores what does not belong to the current step (a late answer after going back)', () => {
    const mapping = run(toCheck.slice(0, 2));
    for (const a of [
      { type: 'status', status: status('done', 5) },
      { type: 'dry', dry: result },
      { type: 'applied', result },
      { type: 'previewed', sheet: 1, preview: preview(1) },
      { type: 'loaded', fileId: 'f2', info, preview: preview(1) },
      { type: 'choices', choices: { policy: 'skip' } },
    ] satisfies WizardAction[])
      expect(wizardReducer(mapping, a)).toBe(mapping);
  });

  it('a new import after a result starts from the file, remembering entity and choices', () => {
    let s = run([...toCheck, { type: 'status', status: status('done', 2) }, { type: 'toDuplicates' }, { type: 'choices', choices: { createUsers: false } }, { type: 'applied', result }]);
    s = run([{ type: 'reset' }], s);
    expect(s).toEqual({ step: 'file', entity: 'clients', choices: { ...DEFAULT_CHOICES, createUsers: false } });
  });
});
