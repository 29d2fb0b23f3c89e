import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { buildWorkspace, type Built } from '../../helpers/builders';
import { runReport } from '../../../src-main/core/reports/run';
import { reportQuery } from '../../../src-main/core/reports/types';

// Reports read on a connection of their own (read-only, memory mapped): what the user
// just saved is in the next report, the connection cannot write, and it closes with
// the workspace (Windows cannot replace a file another connection holds).

let w: Built;
afterEach(() => w?.dispose());

const Q = reportQuery.parse({ from: '2026-10-01', to: '2026-10-31', timeZone: 'Europe/Moscow' });
const wonCount = () => runReport(w.session.ctx(), 'sales', Q).totals.reduce((n, t) => n + Number(t.count ?? 0), 0);

describe('the report connection', () => {
  it('sees every write of the main connection at once, and refuses writes of its own', () => {
    w = buildWorkspace('2026-10-01T09:00:00.000Z');
    const client = w.client('ООО «Ромашка»');
    expect(wonCount()).toBe(0);
    w.wonAt(w.deal(client), '2026-10-05T10:00:00.000Z');
    expect(wonCount()).toBe(1);
    w.wonAt(w.deal(client), '2026-10-06T10:00:00.000Z');
    expect(wonCount()).toBe(2);
    const reader = w.session.workspace.reader();
    expect(reader).not.toBe(w.session.workspace.sqlite);
    expect(() => reader.prepare("UPDATE clients SET name = name").run()).toThrow(/readonly/);
    expect(reader.pragma('mmap_size', { simple: true })).toBeGreaterThan(0);
  });

  it('closes with the workspace: nothing is left beside the file', () => {
    w = buildWorkspace('2026-10-01T09:00:00.000Z');
    const reader = w.session.workspace.reader();
    expect(wonCount()).toBe(0);
    const path = w.session.workspace.path;
    w.session.close();
    expect(reader.open).toBe(false);
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(existsSync(`${path}-shm`)).toBe(false);
  });
});
