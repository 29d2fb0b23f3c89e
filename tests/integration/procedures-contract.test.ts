import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { duplicateProcedureNames, invoke, procedures, type Caller } from '../../src-main/core/procedures';
import { PERMISSIONS, type Procedure } from '../../src-main/core/procedures/define';
import { catchAppError, openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

// The procedure table is the only way into the core: every entry must say what it
// does and what it needs, or permissions and the audit log cannot see it.

const EFFECTS = ['read', 'write', 'job', 'session'];
const table = Object.entries(procedures) as [string, Procedure][];

/** Field names anywhere in a schema (objects, unions, optionals, refinements). */
function fieldNames(schema: z.ZodType): string[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  const names: string[] = [];
  if (def.type === 'object') {
    for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>)) names.push(k, ...fieldNames(v));
  }
  for (const key of ['innerType', 'in', 'out', 'schema']) if (def[key]) names.push(...fieldNames(def[key] as z.ZodType));
  if (Array.isArray(def.options)) for (const o of def.options as z.ZodType[]) names.push(...fieldNames(o));
  return names;
}

describe('the procedure table', () => {
  it('every procedure declares its effect and a known permission', () => {
    const undeclared = table.filter(([, p]) => !EFFECTS.includes(p.effect) || !(PERMISSIONS as readonly string[]).includes(p.permission));
    expect(undeclared.map(([n]) => n)).toEqual([]);
    for (const [name, p] of table) {
      expect(p.input, name).toBeInstanceOf(z.ZodType);
      expect(typeof p.handler, name).toBe('function');
      expect([undefined, true, false], name).toContain(p.localOnly);
    }
  });

  it('no name is defined by two domains', () => {
    expect(duplicateProcedureNames()).toEqual([]);
  });

  it('every procedure that takes a path on this PC is refused to other PCs', () => {
    const takesPath = table.filter(([, p]) => fieldNames(p.input).some((f) => /^(path|folder|secondDir)$/.test(f)));
    expect(takesPath.length).toBeGreaterThan(0);
    expect(takesPath.filter(([, p]) => !p.localOnly).map(([n]) => n)).toEqual([]);
  });

  it('every path input is declared, so the desktop window can only send it as a token of its own dialogs', () => {
    const undeclared = table.flatMap(([name, p]) =>
      fieldNames(p.input)
        .filter((f) => /^(path|folder|secondDir)$/.test(f) && !p.paths?.[f])
        .map((f) => `${name}.${f}`),
    );
    expect(undeclared).toEqual([]);
  });

  it('procedures that replace the workspace file are local only', () => {
    const sessionEffects = table.filter(([, p]) => p.effect === 'session');
    expect(sessionEffects.filter(([, p]) => !p.localOnly).map(([n]) => n)).toEqual([]);
  });
});

describe('invoke', () => {
  let t: TestWorkspace;
  afterEach(() => t?.dispose());
  const lan: Caller = { door: 'http', local: false, address: '192.168.1.20' };

  it('refuses a local-only procedure to a caller on another PC, before validating or running it', () => {
    t = openTestWorkspace();
    const e = catchAppError(() => invoke(t.session, 'workspace.open', { path: '/nowhere.kdb' }, lan));
    expect(e.code).toBe('local_only');
    const bad = catchAppError(() => invoke(t.session, 'workspace.open', { path: 'relative' }, lan));
    expect(bad.code).toBe('local_only');
  });

  it('lets a caller on another PC use the workspace', () => {
    t = openTestWorkspace();
    const { id } = invoke(t.session, 'clients.create', { kind: 'organization', name: 'ООО «Сеть»' }, lan) as { id: string };
    expect(t.count('clients', `id = '${id}'`)).toBe(1);
  });

  it('a write that fails part-way leaves the workspace as it was', () => {
    t = openTestWorkspace();
    // The client row goes in first; the second phone then hits a trigger that fails.
    t.sqlite().exec(`CREATE TRIGGER fail_second_phone BEFORE INSERT ON phones
      WHEN (SELECT count(*) FROM phones WHERE client_id = NEW.client_id) >= 1
      BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const before = { clients: t.count('clients'), phones: t.count('phones') };
    expect(() =>
      t.call('clients.create', { kind: 'person', lastName: 'Сбоев', firstName: 'Пётр', phones: [{ raw: '+7 900 000-00-01' }, { raw: '+7 900 000-00-02' }] }),
    ).toThrow(/disk full/);
    expect({ clients: t.count('clients'), phones: t.count('phones') }).toEqual(before);
  });

  it('names an unknown procedure', () => {
    t = openTestWorkspace();
    expect(catchAppError(() => t.callRaw('clients.drop', {})).code).toBe('unknown_procedure');
  });
});
