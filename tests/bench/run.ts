// npm run bench [-- --clients N | --quick] [--deals N] [--tasks N] [--import-rows N] [--import-million] [--rounds R] [--workspace FILE] [--keep] [--json]
//
// Seeds a fresh workspace in a temp dir and measures the core's hot paths, each
// against a floor measured in the same run on the same machine: seeding vs bare
// INSERTs, search per keystroke vs the bare FTS5 query, caller lookup vs the bare
// index probe, list pages vs a bare rowid page. Prints ratios, never asserts on time;
// the JSON summary goes to tests/bench/last-result.json.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Session } from '../../src-main/core/workspace/session';
import { benchLookup, benchPaging, benchSearch } from './query-bench';
import { seedWorkspace, type SeedResult } from './seed-bench';
import { ms, ratio, round3, table } from './measure';
import { benchBackup } from './backup-bench';
import { benchOpen } from './open-bench';
import { benchCompression, benchIncremental, padWorkspace } from './backup-incremental-bench';
import { benchTasks, type TaskBenchResult } from './tasks-bench';
import { benchExchange, benchImportMillion, type ExchangeBenchResult, type MillionResult } from './exchange-bench';
import { benchDeals, dealsTable } from './deals-bench';
import { benchDealTasks, dealTasksTable, type DealTasksBenchResult } from './deal-tasks-bench';
import { benchReports, reportsTable, type ReportsBenchResult } from './reports-bench';
import { auditTable, benchAudit } from './audit-bench';
import { budgetLines, budgetsTable, recordBudget } from './budgets';
import { benchMemory, type MemoryBenchResult } from './memory-bench';
import { benchReceivables, receivablesTable, type ReceivablesBenchResult } from './receivables-bench';
import { benchReceivablesImport } from './receivables-import-bench';
import { benchFirstScreen, firstScreenLines, FIRST_SCREEN_GOAL_MS, HEAP_GOAL_MB } from './first-screen-bench';

const TARGET_SEARCH_P95_MS = 10;

class UsageError extends Error {}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string' },
      tasks: { type: 'string' },
      deals: { type: 'string' },
      quick: { type: 'boolean', default: false },
      rounds: { type: 'string' },
      workspace: { type: 'string' },
      keep: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'import-rows': { type: 'string' },
      'import-million': { type: 'boolean', default: false },
      'backup-mb': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(`Usage: npm run bench [-- options]
  --clients N       clients to seed (default 200000, or BENCH_CLIENTS)
  --quick           20000 clients, 10000 deals, 30000 tasks, 20000 import rows
  --deals N         deals to seed for the board bench (default 100000, --quick 10000; 0 skips)
  --tasks N         tasks to seed for the tasks bench (default 300000, or BENCH_TASKS; 0 skips it)
  --rounds R        timed passes per measurement (default 5, or BENCH_ROUNDS)
  --workspace FILE  measure an existing workspace instead of seeding one
  --keep            keep the temp dir with the seeded workspace
  --json            print only the JSON summary on stdout (the tables go to stderr), for CI to archive
  --import-rows N   rows of the xlsx/CSV import benchmark (default 100000, --quick 20000, 0 skips it)
  --import-million  also import a 1,000,000-row CSV and report its peak RSS growth (takes minutes; off by default)
  --backup-mb N     grow the workspace to about N MB (a table of note-like text) before the backup and open lines`);
    process.exit(0);
  }
  const int = (v: string | undefined, name: string): number | undefined => {
    if (v === undefined || v === '') return undefined;
    const n = Number(v.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} must be a positive whole number, got "${v}"`);
    return n;
  };
  const clients = int(values.clients, '--clients') ?? (values.quick ? 20_000 : undefined) ?? int(process.env.BENCH_CLIENTS, 'BENCH_CLIENTS') ?? 200_000;
  const tasksOpt = values.tasks === '0' ? 0 : int(values.tasks, '--tasks');
  const tasks = tasksOpt ?? (values.quick ? 30_000 : undefined) ?? int(process.env.BENCH_TASKS, 'BENCH_TASKS') ?? 300_000;
  const rounds = int(values.rounds, '--rounds') ?? int(process.env.BENCH_ROUNDS, 'BENCH_ROUNDS') ?? 5;
  const importRows = values['import-rows'] === '0' ? 0 : (int(values['import-rows'], '--import-rows') ?? (values.quick ? 20_000 : 100_000));
  const deals = values.deals === '0' ? 0 : (int(values.deals, '--deals') ?? (values.quick ? 10_000 : 100_000));
  const backupMb = int(values['backup-mb'], '--backup-mb') ?? 0;
  return { clients, deals, tasks, rounds, workspace: values.workspace, keep: values.keep, json: values.json, importRows, importMillion: values['import-million'], backupMb };
}

async function main(): Promise<void> {
  let opt: ReturnType<typeof parseOptions>;
  try {
    opt = parseOptions();
  } catch (e) {
    // Bad flags: one line and exit 2; anything that throws later keeps its stack.
    if (!(e instanceof UsageError) && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') !== true) throw e;
    console.error(`bench: ${(e as Error).message} (try --help)`);
    process.exit(2);
  }
  const started = performance.now();
  // With --json stdout carries the summary alone; every table and progress line goes to stderr.
  const printJson = opt.json;
  if (printJson) console.log = console.error.bind(console);
  const writeStdout = (s: string) => process.stdout.write(s + '\n');
  const log = (s: string) => console.log(s);
  const tmp = mkdtempSync(join(tmpdir(), 'kartoteka-bench-'));
  const session = new Session({ skipIntegrityCheck: true });
  let seed: SeedResult | null = null;
  try {
    if (opt.workspace) {
      session.open(resolve(opt.workspace));
      log(`Kartoteka bench: existing workspace ${opt.workspace}; ${opt.rounds} timed rounds; node ${process.version}, ${cpus().length} cores`);
    } else {
      session.open(join(tmp, 'bench.kdb'));
      log(`Kartoteka bench: ${opt.clients} clients; ${opt.rounds} timed rounds; node ${process.version}, ${cpus().length} cores`);
      log('\n[1] seeding');
      seed = seedWorkspace(session, opt.clients, tmp, log);
    }
    const ctx = session.ctx();
    const clients = (ctx.ws.sqlite.prepare('SELECT count(*) AS n FROM clients WHERE archived_at IS NULL').get() as { n: number }).n;

    // First, before deals and tasks are added: the workspace as the clients bench seeded it.
    log(`\n[1b] resident memory of the core with ${clients} clients open (child processes)`);
    const memory: MemoryBenchResult = benchMemory(opt.workspace ? resolve(opt.workspace) : join(tmp, 'bench.kdb'), log);

    log('\n[2] search per keystroke (listClients, first page of 60)');
    const search = benchSearch(ctx, opt.rounds);
    log('[3] caller lookup');
    const lookup = benchLookup(ctx, opt.rounds);
    log('[4] list paging');
    const paging = benchPaging(ctx, Math.max(5, opt.rounds));
    log(`[5] deals: seeding ${opt.deals} deals, then board, column page, move, forecast`);
    const deals = opt.deals > 0 && !opt.workspace ? benchDeals(session, opt.deals, Math.max(5, opt.rounds), log) : null;
    if (opt.backupMb > 0 && !opt.workspace) {
      log(`[6] growing the workspace to ~${opt.backupMb} MB for the backup and open lines`);
      padWorkspace(session, opt.backupMb);
    }
    log('[6] backup vs plain file copy, searching meanwhile');
    const backup = await benchBackup(session, tmp);
    log('[6b] hourly backup after ~1 % of the pages changed; compression options');
    const incremental = await benchIncremental(session);
    const compression = benchCompression(session.workspace.path);
    let tasks: TaskBenchResult | null = null;
    if (opt.tasks > 0 && !opt.workspace) {
      log(`[7] tasks: ${opt.tasks} seeded, lists and calendar ranges`);
      tasks = benchTasks(ctx, opt.tasks, Math.max(5, opt.rounds), log);
    }
    // Tasks were seeded over the deals, so a third of them are deals' next steps.
    let dealTasks: DealTasksBenchResult | null = null;
    if (deals && tasks) {
      log('[7b] deals with tasks: next steps on the board and list, "without next step" filter');
      dealTasks = benchDealTasks(session, Math.max(5, opt.rounds));
    }
    let reports: ReportsBenchResult | null = null;
    if (deals) {
      log('[7c] reports over a year, the dashboard, a drill-down page');
      reports = benchReports(session, Math.max(5, opt.rounds));
    }
    log('[7d] audit hook: a bulk change of 10,000 clients and single edits, with and without it');
    const audit = benchAudit(session, Math.max(5, opt.rounds));
    let receivables: ReceivablesBenchResult | null = null;
    if (!opt.workspace) {
      log('[7e] receivables: the report as of a date over 50,000 documents');
      receivables = benchReceivables(session, Math.max(5, opt.rounds));
      recordBudget({
        key: 'receivables.report',
        label: `receivables report, ${receivables.documents} documents`,
        figure: receivables.reportMs,
        unit: 'ms',
        floor: receivables.floorMs,
        floorLabel: 'bare aggregate SQL: debt per client',
        goal: { max: 300, maxRatio: 1.5 },
      });
    }
    let exchange: ExchangeBenchResult | null = null;
    if (opt.importRows > 0) {
      log(`[8] import of ${opt.importRows} rows (xlsx, CSV) vs bare read + bare inserts`);
      exchange = await benchExchange(opt.importRows, log);
      log(`[8b] receivables import: ОСВ 62 and bank statement of ${Math.min(50_000, opt.importRows)} documents vs bare reads`);
      await benchReceivablesImport(tmp, Math.min(50_000, opt.importRows), log);
    }
    let million: MillionResult | null = null;
    if (opt.importMillion) {
      log('[8c] import of a 1,000,000-row CSV: peak RSS growth');
      million = await benchImportMillion(1_000_000, log);
    }

    log(`[9] first screen and renderer heap in Chromium (${clients} clients seeded apart and served by \`serve\`)`);
    const firstScreen = await benchFirstScreen({ clients, rounds: 3 }).catch((e: unknown) => (log(`first screen skipped: ${String(e)}`), null));
    if (firstScreen) {
      recordBudget({
        key: 'firstScreen.cold',
        label: `first screen, cold navigation → usable client list (${firstScreen.clients} clients)`,
        figure: firstScreen.medianMs,
        unit: 'ms',
        floor: firstScreen.medianFloorMs,
        floorLabel: 'cold blank page + bare clients.list over HTTP',
        goal: { max: FIRST_SCREEN_GOAL_MS },
      });
      recordBudget({ key: 'renderer.heap', label: 'renderer JS heap after every section', figure: firstScreen.heapMB, unit: 'MB', floor: null, goal: { max: HEAP_GOAL_MB } });
    }

    recordBudget({
      key: 'search.keystroke.p95',
      label: `search per keystroke, p95 (${clients} clients)`,
      figure: search.latency.p95,
      unit: 'ms',
      floor: search.floor.p95,
      floorLabel: 'bare FTS5 MATCH',
      goal: { max: TARGET_SEARCH_P95_MS },
    });
    log('[9] open to the first page after a clean close');
    const open = await benchOpen(session, 3);
    recordBudget({
      key: 'open.check',
      label: `open to the first client page, ${open.fileMB.toFixed(0)} MB, check ${open.check}`,
      figure: open.openMs,
      unit: 'ms',
      floor: open.floorMs,
      floorLabel: 'bare better-sqlite3 open + first 60 clients',
      goal: { max: 300 },
    });
    log(`  open ${open.openMs.toFixed(0)} ms (check: ${open.check}); the background quick_check finished ${(open.backgroundCheckMs / 1000).toFixed(1)} s after the open began`);
    recordBudget({
      key: 'backup.full',
      label: `verified backup of ${backup.fileMB.toFixed(0)} MB`,
      figure: backup.backupSeconds,
      unit: 's',
      floor: backup.copySeconds,
      floorLabel: 'plain copy + fsync',
      goal: { maxRatio: 3 },
    });
    recordBudget({
      key: 'backup.incremental',
      label: `${incremental.kind} backup, ${incremental.changedPages} of ${incremental.pages} pages changed (${((100 * incremental.changedPages) / incremental.pages).toFixed(1)} %)`,
      figure: incremental.seconds,
      unit: 's',
      floor: backup.copySeconds,
      floorLabel: 'plain copy + fsync of the whole file',
      goal: { max: 5 },
    });
    recordBudget({
      key: 'backup.incremental.cpu',
      label: 'the same backup, CPU time of the process (worker included)',
      figure: incremental.cpuSeconds,
      unit: 's',
      floor: null,
      goal: { max: 5 },
    });
    for (const c of exchange?.cases ?? []) {
      recordBudget({
        key: `import.${c.format}`,
        label: `import of ${exchange!.rows} rows, ${c.format}`,
        figure: c.importMs / 1000,
        unit: 's',
        floor: c.floorMs / 1000,
        floorLabel: 'bare streaming read + bare prepared inserts',
        goal: { maxRatio: 1.5 },
      });
    }

    if (million) {
      recordBudget({
        key: 'import.million.rss',
        label: `import of ${million.rows} CSV rows (${million.fileMB.toFixed(0)} MB), peak RSS growth`,
        figure: million.growthMB,
        unit: 'MB',
        floor: null,
        goal: { max: 300 },
      });
    }
    const memFloor = 'bare better-sqlite3, same file, default pragmas';
    recordBudget({
      key: 'memory.idle',
      label: `core RSS, ${clients} clients open, idle`,
      figure: memory.core.idleMB,
      unit: 'MB',
      floor: memory.floor.idleMB,
      floorLabel: memFloor,
      goal: { max: 150 },
    });
    recordBudget({
      key: 'memory.afterSearch',
      label: `core RSS after one search`,
      figure: memory.core.afterSearchMB,
      unit: 'MB',
      floor: memory.floor.afterSearchMB,
      floorLabel: memFloor,
      goal: { max: 150 },
    });

    // ---- report ----
    const out: string[] = [''];
    if (seed) {
      out.push(
        table(
          ['seed', 'clients', 'rows', 'seconds', 'rows/s', 'floor s', 'floor rows/s', 'seed/floor'],
          [[
            'seedClients',
            String(seed.clients),
            String(seed.rows.total),
            seed.seconds.toFixed(1),
            Math.round(seed.rowsPerSecond).toLocaleString('en-US'),
            seed.floorSeconds.toFixed(1),
            Math.round(seed.floorRowsPerSecond).toLocaleString('en-US'),
            ratio(seed.seconds, seed.floorSeconds),
          ]],
        ),
        `  rows: ${Object.entries(seed.rows).filter(([k]) => k !== 'total').map(([k, v]) => `${k} ${v}`).join(', ')}; ~${seed.avgRowBytes} B/row; file ${seed.fileMB.toFixed(0)} MB`,
        '',
      );
    }
    const s = search;
    out.push(
      table(
        ['latency, ms', 'count', 'p50', 'p95', 'p99', 'max', 'p95/floor'],
        [
          ['search (listClients)', String(s.latency.count), ms(s.latency.p50), ms(s.latency.p95), ms(s.latency.p99), ms(s.latency.max), ratio(s.latency.p95, s.floor.p95)],
          ['  floor: bare FTS5 MATCH', String(s.floor.count), ms(s.floor.p50), ms(s.floor.p95), ms(s.floor.p99), ms(s.floor.max), ''],
          ...Object.entries(s.byKind).map(([k, d]) => [`  ${k}`, String(d.count), ms(d.p50), ms(d.p95), ms(d.p99), ms(d.max), '']),
          ['real count of a capped search', String(s.count.count), ms(s.count.p50), ms(s.count.p95), ms(s.count.p99), ms(s.count.max), ''],
          ['lookupPhone, known', String(lookup.known.count), ms(lookup.known.p50), ms(lookup.known.p95), ms(lookup.known.p99), ms(lookup.known.max), ratio(lookup.known.p95, lookup.floor.p95)],
          ['lookupPhone, unknown', String(lookup.unknown.count), ms(lookup.unknown.p50), ms(lookup.unknown.p95), ms(lookup.unknown.p99), ms(lookup.unknown.max), ratio(lookup.unknown.p95, lookup.floor.p95)],
          ['  floor: phones.digits = ?', String(lookup.floor.count), ms(lookup.floor.p50), ms(lookup.floor.p95), ms(lookup.floor.p99), ms(lookup.floor.max), ''],
        ],
      ),
      `  ${s.queries} typed queries, ${s.keystrokes} keystrokes; lookup found ${(lookup.hitRate * 100).toFixed(0)}% of known numbers`,
      `  slowest keystrokes: ${s.slowest.slice(0, 5).map((k) => `${JSON.stringify(k.query)} ${ms(k.ms)} ms`).join(', ')}`,
      '',
      table(
        ['list page (100 rows)', 'offset', 'total', 'cold ms', 'warm ms', 'floor ms', 'cold/floor', 'warm/floor'],
        paging.map((p) => [p.name, String(p.offset), String(p.total), ms(p.coldMs), ms(p.warmMs), ms(p.floorMs), ratio(p.coldMs, p.floorMs), ratio(p.warmMs, p.floorMs)]),
      ),
      '  cold: the list computed afresh (new filter or sort, or after an edit); warm: scrolling a list already open',
      '',
      table(
        ['backup', 'file MB', 'seconds', 'copy+verify / compress', 'result MB', 'plain copy s', 'backup/copy'],
        [[
          'verified backup (off-thread)',
          backup.fileMB.toFixed(0),
          backup.backupSeconds.toFixed(1),
          `${(backup.phases.copy + backup.phases.verify).toFixed(1)} / ${backup.phases.compress.toFixed(1)} s`,
          `${backup.backupMB.toFixed(0)} (of ${backup.rawMB.toFixed(0)})`,
          backup.copySeconds.toFixed(1),
          ratio(backup.backupSeconds, backup.copySeconds),
        ]],
      ),
      table(
        ['compression of a 64 MB sample', 'MB/s', 'size after'],
        compression.map((c) => [c.method, c.mbPerSecond.toFixed(0), `${(c.ratio * 100).toFixed(0)} %`]),
      ),
      `  zstd: ${compression.some((c) => c.method.startsWith('zstd')) ? 'measured above' : `not in this runtime's zlib (node ${process.version})`}; incremental backup ${incremental.sizeMB.toFixed(1)} MB in ${incremental.seconds.toFixed(2)} s`,
      table(
        ['search while backing up, ms', 'count', 'p50', 'p95', 'p99', 'max', 'p95/idle'],
        [
          ['during the backup', String(backup.searchDuring.count), ms(backup.searchDuring.p50), ms(backup.searchDuring.p95), ms(backup.searchDuring.p99), ms(backup.searchDuring.max), ratio(backup.searchDuring.p95, backup.searchIdle.p95)],
          ['  floor: same keystrokes, no backup', String(backup.searchIdle.count), ms(backup.searchIdle.p50), ms(backup.searchIdle.p95), ms(backup.searchIdle.p99), ms(backup.searchIdle.max), ''],
        ],
      ),
      '',
      ...(tasks
        ? [
            table(
              [`tasks (${tasks.tasks})`, 'rows', 'ms', 'floor ms', 'ms/floor'],
              tasks.rows.map((r) => [r.name, String(r.rows), ms(r.ms), ms(r.floorMs), ratio(r.ms, r.floorMs)]),
            ),
            '  floor: the same number of task rows read by rowid (counts: all open and done tasks counted once); lists are first pages of 50, calendar ranges all tasks of the range',
            '',
          ]
        : []),
      ...(deals ? [dealsTable(deals), ''] : []),
      ...(dealTasks ? [dealTasksTable(dealTasks), ''] : []),
      ...(reports ? [reportsTable(reports), ''] : []),
      auditTable(audit),
      '',
      ...(receivables ? [receivablesTable(receivables), ''] : []),
      ...(firstScreen ? [...firstScreenLines(firstScreen), ''] : []),
      budgetsTable(),
      '',
      `search p95 at ${clients} clients: ${ms(s.latency.p95)} ms (target ≤ ${TARGET_SEARCH_P95_MS} ms)`,
      `bench took ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    console.log(out.join('\n'));

    const summary = {
      at: new Date().toISOString(),
      node: process.version,
      cores: cpus().length,
      clients,
      rounds: opt.rounds,
      seed,
      search: s,
      searchTargetP95Ms: TARGET_SEARCH_P95_MS,
      lookup,
      paging,
      backup,
      incremental,
      compression,
      tasks,
      exchange,
      million,
      memory,
      deals,
      dealTasks,
      reports,
      audit,
      receivables,
      budgets: budgetLines(),
      firstScreen,
      seconds: (performance.now() - started) / 1000,
    };
    const file = join(dirname(fileURLToPath(import.meta.url)), 'last-result.json');
    const json = JSON.stringify(summary, (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? round3(v) : v), 2);
    writeFileSync(file, json + '\n');
    console.log(`summary written to ${file}`);
    if (printJson) writeStdout(json);
  } finally {
    session.close();
    if (opt.keep) console.log(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

void main();
