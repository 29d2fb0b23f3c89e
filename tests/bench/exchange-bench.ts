// Import benchmark: 100,000 rows of xlsx and of CSV through the whole import
// (read, header detection, normalisation, the client card's validation, duplicate
// matching, one-transaction apply with search indexing), each against a floor
// measured in the same run: the bare streaming read of the same file plus bare
// prepared INSERTs of the same clients, phones and e-mails (no validation, no search
// index). Every case runs in a child process so its peak RSS is its own.
//
// With --million (npm run bench -- --import-million) it also imports a 1,000,000-row
// CSV and reports the import's peak RSS growth over the child's RSS before it began:
// the records stream through a temporary table, so the growth must not follow the
// file's size (goal ≤ 300 MB; the file alone is ~150 MB).
//
//   npx tsx tests/bench/exchange-bench.ts [--rows N] [--million [--million-rows N]]   (also run by npm run bench)

import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse';
import { Session } from '../../src-main/core/workspace/session';
import { runImport } from '../../src-main/core/exchange/run';
import { decodeText, detectDelimiter } from '../../src-main/core/exchange/read/decode';
import { newId } from '../../src-main/core/ids';
import { OrderedWorkbookReader } from '../../src-main/core/exchange/read/ordered-workbook-reader';
import { table } from './measure';

const SELF = fileURLToPath(import.meta.url);
const HEADER = ['Наименование', 'ИНН', 'КПП', 'Телефон', 'Адрес электронной почты', 'Фактический адрес', 'Комментарий'];

function inn10(n: number): string {
  const body = String(100000000 + n).slice(-9);
  const w = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  return body + ((w.reduce((s, x, i) => s + x * Number(body[i]), 0) % 11) % 10);
}

function row(i: number): string[] {
  const d = String(i).padStart(7, '0');
  return [
    `ООО «Компания ${i}»`,
    inn10(i),
    '771201001',
    `8 (495) ${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5, 7)}`,
    `office${i}@company${i % 977}.ru`,
    `Москва, ул. Садовая, д. ${i % 300}`,
    i % 10 === 0 ? 'Постоянный клиент, звонить до 18:00' : '',
  ];
}

export async function writeCsv(dir: string, rows: number): Promise<string> {
  const csv = join(dir, `clients-${rows}.csv`);
  // Written in pieces: a million rows as one string would be the bench's own memory problem.
  const fd = openSync(csv, 'w');
  try {
    writeSync(fd, Buffer.from([0xef, 0xbb, 0xbf]));
    writeSync(fd, HEADER.join(';') + '\r\n');
    for (let i = 1; i <= rows; i += 10_000) {
      const lines: string[] = [];
      for (let k = i; k < Math.min(rows + 1, i + 10_000); k++) lines.push(row(k).join(';'));
      writeSync(fd, lines.join('\r\n') + '\r\n');
    }
  } finally {
    closeSync(fd);
  }
  return csv;
}

export async function writeFiles(dir: string, rows: number): Promise<{ xlsx: string; csv: string }> {
  const xlsx = join(dir, 'clients.xlsx');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: true });
  const ws = wb.addWorksheet('Контрагенты');
  ws.addRow(['Контрагенты']).commit();
  ws.addRow(HEADER).commit();
  for (let i = 1; i <= rows; i++) ws.addRow(row(i).map((v, k) => (k === 1 ? Number(v) : v))).commit();
  ws.commit();
  await wb.commit();
  return { xlsx, csv: await writeCsv(dir, rows) };
}

/** The floor: read every row the cheapest way the library allows, insert it with prepared statements. */
async function floor(session: Session, file: string): Promise<number> {
  const sqlite = session.workspace.sqlite;
  for (const t of sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%fts%'").pluck().all() as string[]) sqlite.exec(`DROP TRIGGER "${t}"`);
  const client = sqlite.prepare('INSERT INTO clients (id, kind, name, name_key, inn, kpp, actual_address, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const phone = sqlite.prepare('INSERT INTO phones (id, client_id, raw, digits, sort) VALUES (?, ?, ?, ?, 0)');
  const email = sqlite.prepare('INSERT INTO emails (id, client_id, address, address_key, sort) VALUES (?, ?, ?, ?, 0)');
  const now = new Date().toISOString();
  let n = 0;
  const insert = (c: unknown[]) => {
    const id = newId();
    const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
    client.run(id, 'organization', s(c[0]), s(c[0]), s(c[1]), s(c[2]), s(c[5]), s(c[6]), now, now);
    phone.run(newId(), id, s(c[3]), String(c[3]).replace(/\D/g, ''));
    email.run(newId(), id, s(c[4]), String(c[4]).toLowerCase());
    n++;
  };
  sqlite.exec('BEGIN');
  if (file.endsWith('.xlsx')) {
    // The same streaming reader as the import (exceljs's own loses parts at random: exceljs#3064).
    const reader = new OrderedWorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore' });
    for await (const ws of reader) for await (const r of ws) if ((r as ExcelJS.Row).number > 2) insert(((r as ExcelJS.Row).values as unknown[]).slice(1));
  } else {
    const { text } = decodeText(readFileSync(file));
    let first = true;
    for await (const rec of parse(text, { delimiter: detectDelimiter(text), relax_column_count: true })) {
      if (first) first = false;
      else insert(rec as string[]);
    }
  }
  sqlite.exec('COMMIT');
  return n;
}

/** One case in this (child) process: prints {ms, rows, maxRssMB, startRssMB}. */
async function runCase(kind: 'floor' | 'import', file: string, db: string): Promise<void> {
  const session = new Session({ skipIntegrityCheck: true });
  session.open(db);
  // What the process holds before the case: modules loaded, workspace open.
  const startRssMB = process.memoryUsage().rss / 1024 / 1024;
  const t0 = performance.now();
  let rows: number;
  if (kind === 'floor') rows = await floor(session, file);
  else {
    const r = await runImport(session, file, { entity: 'clients' });
    if (r.issues.length) throw new Error(`unexpected issues: ${JSON.stringify(r.issues.slice(0, 3))}`);
    rows = r.created;
  }
  const ms = performance.now() - t0;
  session.close();
  console.log(JSON.stringify({ ms, rows, maxRssMB: process.resourceUsage().maxRSS / 1024, startRssMB }));
}

export interface ExchangeBenchResult {
  rows: number;
  cases: { format: string; importMs: number; floorMs: number; ratio: number; importRssMB: number; floorRssMB: number }[];
}

export interface MillionResult {
  rows: number;
  fileMB: number;
  importMs: number;
  startRssMB: number;
  peakRssMB: number;
  /** Peak RSS during the import minus RSS before it: what the file's size costs. */
  growthMB: number;
}

type CaseResult = { ms: number; rows: number; maxRssMB: number; startRssMB: number };

function child(dir: string, kind: string, file: string): CaseResult {
  const db = join(dir, `${kind}-${Date.now()}.kdb`);
  // Same Node, tsx loader: the child measures only its own case.
  const out = execFileSync(process.execPath, ['--import', 'tsx', SELF, '--case', kind, '--file', file, '--db', db], { encoding: 'utf8', maxBuffer: 1 << 20 });
  rmSync(db, { force: true });
  rmSync(`${db}-wal`, { force: true });
  rmSync(`${db}-shm`, { force: true });
  return JSON.parse(out.trim().split('\n').pop()!) as CaseResult;
}

/** The memory proof: a 1,000,000-row CSV imported in a child process, its RSS growth. */
export async function benchImportMillion(rows: number, log: (s: string) => void): Promise<MillionResult> {
  const dir = mkdtempSync(join(tmpdir(), 'kartoteka-xbench-'));
  try {
    log(`  writing ${rows} rows as CSV`);
    const csv = await writeCsv(dir, rows);
    log('  importing it (child process)');
    const r = child(dir, 'import', csv);
    if (r.rows !== rows) throw new Error(`million: expected ${rows} rows, imported ${r.rows}`);
    const m: MillionResult = { rows, fileMB: statSync(csv).size / 1024 / 1024, importMs: r.ms, startRssMB: r.startRssMB, peakRssMB: r.maxRssMB, growthMB: r.maxRssMB - r.startRssMB };
    log(
      table(
        [`import ${rows} rows, CSV`, 'file MB', 'import s', 'RSS before MB', 'peak RSS MB', 'growth MB'],
        [['csv', m.fileMB.toFixed(0), (m.importMs / 1000).toFixed(1), m.startRssMB.toFixed(0), m.peakRssMB.toFixed(0), m.growthMB.toFixed(0)]],
      ),
    );
    return m;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchExchange(rows: number, log: (s: string) => void): Promise<ExchangeBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'kartoteka-xbench-'));
  try {
    log(`  writing ${rows} rows as xlsx and CSV`);
    const files = await writeFiles(dir, rows);
    const cases: ExchangeBenchResult['cases'] = [];
    for (const [format, file] of [['xlsx', files.xlsx], ['csv', files.csv]] as const) {
      log(`  ${format}: floor, then import`);
      const f = child(dir, 'floor', file);
      const i = child(dir, 'import', file);
      if (i.rows !== rows || f.rows !== rows) throw new Error(`${format}: expected ${rows} rows, floor ${f.rows}, import ${i.rows}`);
      cases.push({ format, importMs: i.ms, floorMs: f.ms, ratio: i.ms / f.ms, importRssMB: i.maxRssMB, floorRssMB: f.maxRssMB });
    }
    log(
      table(
        [`import ${rows} rows`, 'import s', 'floor s', 'import/floor', 'peak RSS MB', 'floor RSS MB'],
        cases.map((c) => [c.format, (c.importMs / 1000).toFixed(1), (c.floorMs / 1000).toFixed(1), `${c.ratio.toFixed(2)}x`, c.importRssMB.toFixed(0), c.floorRssMB.toFixed(0)]),
      ),
    );
    return { rows, cases };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === SELF) {
  const { values } = parseArgs({
    options: { case: { type: 'string' }, file: { type: 'string' }, db: { type: 'string' }, rows: { type: 'string' }, million: { type: 'boolean' }, 'million-rows': { type: 'string' } },
  });
  if (values.case) await runCase(values.case as 'floor' | 'import', values.file!, values.db!);
  else {
    await benchExchange(Number(values.rows ?? 100_000), console.log);
    if (values.million) await benchImportMillion(Number(values['million-rows'] ?? 1_000_000), console.log);
  }
}
