import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir } from '../helpers/workspace';
import { Session } from '../../src-main/core/workspace/session';
import { cli, expectOneLineError, ROOT } from '../helpers/cli';

// `npm run cli -- import/export`, run as a child process like the user runs it.
const FIX = join(ROOT, 'tests', 'fixtures', 'exchange');

let dir: string;
let db: string;
const fileBytes = () => readFileSync(db);

beforeAll(() => {
  dir = makeTempDir('exchange-cli');
  db = join(dir, 'w.kdb');
  const s = new Session();
  s.open(db);
  s.close();
});
afterAll(() => removeDir(dir));

describe('cli import/export', () => {
  it('--dry-run --json reports counts, errors and warnings and writes nothing', async () => {
    const before = fileBytes();
    const r = await cli('import', join(FIX, '1c-clients.xlsx'), '--db', db, '--entity', 'clients', '--dry-run', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { created: number; updated: number; skipped: number; errors: { row: number; field: string; message: string }[]; warnings: unknown[] };
    expect(out).toMatchObject({ created: 5, updated: 0, skipped: 0 });
    expect(out.errors).toEqual([{ row: 10, field: 'inn', code: 'inn.checksum', message: 'ИНН: INN is mistyped: the check digit does not match' }]);
    expect(out.warnings).toHaveLength(2);
    expect(fileBytes().equals(before)).toBe(true);
  });

  it('imports, then a second run with --on-duplicate skip changes nothing; a preset file maps columns', async () => {
    const first = await cli('import', join(FIX, '1c-clients.xlsx'), '--db', db, '--json');
    expect(JSON.parse(first.stdout)).toMatchObject({ created: 5 });
    const second = await cli('import', join(FIX, '1c-clients-1251.csv'), '--db', db, '--on-duplicate', 'skip', '--json');
    expect(JSON.parse(second.stdout)).toMatchObject({ created: 0, updated: 0, skipped: 5 });
    const preset = join(dir, 'preset.json');
    writeFileSync(preset, JSON.stringify({ Name: 'name', Comment: 'region' }));
    const third = await cli('import', join(FIX, 'excel-utf8.csv'), '--db', db, '--mapping', preset, '--json');
    expect(JSON.parse(third.stdout)).toMatchObject({ created: 2 });
  });

  it('an unreadable file: non-zero exit, one clear line, workspace untouched', async () => {
    for (const f of ['broken-truncated.xlsx', 'broken-random.csv', 'broken-empty.csv', 'broken-old.xls', 'broken-unclosed-quote.csv']) {
      const before = fileBytes();
      const r = await cli('import', join(FIX, f), '--db', db);
      expect(r.code, f).not.toBe(0);
      const lines = r.stderr.split('\n').filter((l) => l.trim() && !l.includes('nodedir'));
      expect(lines, f).toHaveLength(1);
      expect(lines[0]).toMatch(/^error: /);
      expect(fileBytes().equals(before), f).toBe(true);
    }
  });

  it('export ENTITY --format xlsx|csv|csv-1c --out FILE', async () => {
    for (const format of ['xlsx', 'csv', 'csv-1c']) {
      const out = join(dir, `out-${format}.${format === 'xlsx' ? 'xlsx' : 'csv'}`);
      const r = await cli('export', 'clients', '--db', db, '--format', format, '--out', out);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/exported 7 clients/);
    }
    const bad = await cli('export', 'clients', '--db', db, '--format', 'pdf', '--out', join(dir, 'x.pdf'));
    expect(bad.code).toBe(2);
  });

  it('--entity deals: a dry run names the unknown client by row, then import and export deals', async () => {
    // The clients of the deals file were imported by the tests above.
    const before = fileBytes();
    const dry = await cli('import', join(FIX, '1c-deals.xlsx'), '--db', db, '--entity', 'deals', '--dry-run', '--json');
    expect(dry.code).toBe(0);
    const out = JSON.parse(dry.stdout) as { dryRun: boolean; created: number; updated: number; skipped: number; errors: unknown[]; warnings: { row: number; field: string }[] };
    expect(out).toMatchObject({ dryRun: true, created: 5, updated: 0, skipped: 0 });
    expect(out.errors).toEqual([
      { row: 10, field: 'client', code: 'exchange.deal_client_not_found', message: 'Контрагент: No client “ООО «Нет такой»” in Kartoteka — deals are imported for existing clients only' },
    ]);
    expect(out.warnings.map((w) => `${w.row}:${w.field}`)).toEqual(['7:responsible', '9:lostReason']);
    expect(fileBytes().equals(before)).toBe(true);

    const real = await cli('import', join(FIX, '1c-deals.xlsx'), '--db', db, '--entity', 'deals', '--json');
    expect(JSON.parse(real.stdout)).toMatchObject({ dryRun: false, created: 5 });
    const again = await cli('import', join(FIX, '1c-deals.xlsx'), '--db', db, '--entity', 'deals', '--on-duplicate', 'overwrite');
    expect(again.stdout).toMatch(/created 0, updated 0, skipped 5, rejected 1 \(header in row 4\)/);
    expect(again.stdout).toMatch(/^row 10: error: Контрагент: No client/m);

    for (const format of ['xlsx', 'csv', 'csv-1c']) {
      const file = join(dir, `deals-${format}.${format === 'xlsx' ? 'xlsx' : 'csv'}`);
      const r = await cli('export', 'deals', '--db', db, '--format', format, '--out', file);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/exported 5 deals/);
    }
    expectOneLineError(await cli('export', 'deals', '--db', db, '--format', 'vcf', '--out', join(dir, 'deals.vcf')), /vcf/);
  });
});
