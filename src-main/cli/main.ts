import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { Session } from '../core/workspace/session';
import { defaultWorkspacePath } from '../core/workspace/locations';
import { workspaceStats } from '../core/workspace/stats';
import { seedClients } from '../core/seed/generator';
import { lookupPhone } from '../core/clients/lookup';
import { AppError } from '../core/errors';
import { startServer } from '../http/server';
import { backupCommand, backupsCommand, checkCommand, openForServing, restoreCommand } from './backup';
import { seedTasksCommand } from './tasks';
import { importCommand, exportCommand, CliUsageError } from './exchange';
import { defaultDealsFor, seedDealsCommand } from './deals';

// Admin work without a window. Errors are one line on stderr and a non-zero exit;
// --debug prints the stack.

const USAGE = `Usage: npm run cli -- <command> [options]
  seed   --db FILE --clients N [--tasks M] [--seed S]   add N demo clients, M demo tasks (creates the workspace)
  seed   ... [--deals M]                    and M deals with stage histories (default N/2; seeded first, a third of the tasks go on them)
  stats  --db FILE [--json]                 counts of what the workspace holds
  lookup PHONE --db FILE [--json]           clients and contacts with this phone
  serve  [--db FILE] [--port N] [--host H]  browser mode (default 127.0.0.1:5178)
  backup  --db FILE [--to DIR] [--json]     verified backup now; prints its path
  backups --db FILE [--json]                the workspace's backups, newest first
  restore BACKUP --db FILE                  backup file or id into FILE (the current state is kept as a backup)
  check   --db FILE                         integrity check; exit 0 when sound
  import FILE --db FILE [--entity clients|contacts|deals] [--mapping auto|PRESET.json] [--on-duplicate skip|update|overwrite|create] [--dry-run] [--json]
  export clients|contacts|deals --db FILE --format xlsx|csv|csv-1c|vcf --out FILE   (vcf: not deals)`;

class UsageError extends Error {}

const options = {
  db: { type: 'string' },
  clients: { type: 'string' },
  tasks: { type: 'string' },
  deals: { type: 'string' },
  seed: { type: 'string' },
  json: { type: 'boolean', default: false },
  port: { type: 'string' },
  host: { type: 'string' },
  to: { type: 'string' },
  debug: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  entity: { type: 'string' },
  mapping: { type: 'string' },
  'on-duplicate': { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  format: { type: 'string' },
  out: { type: 'string' },
} as const;

function intOption(value: string | undefined, name: string, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required`);
    return fallback;
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number, got "${value}"`);
  return n;
}

function required(db: string | undefined): string {
  if (!db) throw new UsageError('--db FILE is required');
  return db;
}

/**
 * Short commands (lookup runs on every incoming call) skip the integrity check at
 * open, which reads the whole file (~6 s at 200,000 clients); serve does it once.
 */
function openSession(db: string | undefined, opts: { create?: boolean } = {}): Session {
  const path = resolve(required(db));
  // A mistyped --db must not quietly create an empty workspace: `lookup` would then
  // answer "unknown caller" for every number.
  if (!opts.create && !existsSync(path)) throw new UsageError(`no workspace at ${path}`);
  const s = new Session({ skipIntegrityCheck: true });
  s.open(path);
  return s;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  const [command, ...args] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 1;
  }
  switch (command) {
    case 'seed': {
      const tasks = intOption(values.tasks, 'tasks', 0);
      const n = intOption(values.clients, 'clients', tasks > 0 || values.deals !== undefined ? 0 : undefined);
      const dealCount = intOption(values.deals, 'deals', defaultDealsFor(n));
      const s = openSession(values.db, { create: true });
      const t0 = performance.now();
      seedClients(s.workspace.sqlite, {
        clients: n,
        seed: values.seed ? intOption(values.seed, 'seed') : undefined,
        onProgress: (done, total) => process.stderr.write(`\rseeding ${done}/${total}`),
      });
      process.stderr.write('\n');
      const seedValue = values.seed ? intOption(values.seed, 'seed') : undefined;
      const deals = seedDealsCommand(s.workspace.sqlite, dealCount, seedValue);
      seedTasksCommand(s, tasks, seedValue);
      const secs = (performance.now() - t0) / 1000;
      const stats = workspaceStats(s.workspace.sqlite);
      s.close();
      console.log(
        values.json
          ? JSON.stringify({ added: n, addedDeals: deals, addedTasks: tasks, seconds: secs, ...stats })
          : `added ${n} clients, ${deals} deals and ${tasks} tasks in ${secs.toFixed(1)} s; the workspace holds ${stats.clients} clients, ${stats.deals} deals, ${stats.tasks} tasks`,
      );
      return 0;
    }
    case 'stats': {
      const s = openSession(values.db);
      const stats = workspaceStats(s.workspace.sqlite);
      s.close();
      console.log(values.json ? JSON.stringify(stats) : Object.entries(stats).map(([k, v]) => `${k}: ${v}`).join('\n'));
      return 0;
    }
    case 'lookup': {
      const phone = args[0];
      if (!phone) throw new UsageError('lookup needs a PHONE');
      const s = openSession(values.db);
      const hits = lookupPhone(s.ctx(), phone);
      s.close();
      if (values.json) console.log(JSON.stringify(hits));
      else if (hits.length === 0) console.log('no match');
      else for (const h of hits) console.log(`${h.clientName}${h.contact ? ` / ${h.contact.name}` : ''}${h.inn ? `, ИНН ${h.inn}` : ''}: ${h.phones.join(', ')}`);
      return hits.length ? 0 : 3;
    }
    case 'serve': {
      const s = openForServing(resolve(values.db ?? defaultWorkspacePath()));
      const host = values.host ?? '127.0.0.1';
      const port = intOption(values.port, 'port', 5178);
      const server = await startServer(s, { host, port });
      console.log(`Kartoteka is open at ${server.url} (workspace: ${s.isOpen ? s.workspace.path : 'not open'})`);
      if (host !== '127.0.0.1' && host !== 'localhost') {
        console.warn(`LAN access is ON: anyone on your network can open ${server.url}. There is no login yet.`);
      }
      const stop = () => {
        server.close();
        s.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      return new Promise<number>(() => {});
    }
    case 'backup':
      return backupCommand(required(values.db), values.to, values.json);
    case 'backups':
      return backupsCommand(required(values.db), values.json);
    case 'restore':
      if (!args[0]) throw new UsageError('restore needs a BACKUP file or id');
      return restoreCommand(args[0], required(values.db));
    case 'check':
      return checkCommand(required(values.db));
    case 'import':
      return importCommand(() => openSession(values.db), args[0], values);
    case 'export':
      return exportCommand(() => openSession(values.db), args[0], values);
    default:
      throw new UsageError(`unknown command "${command}"\n${USAGE}`);
  }
}

const argv = process.argv.slice(2);
main(argv).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (argv.includes('--debug')) console.error(e);
    else if (e instanceof AppError || e instanceof UsageError || e instanceof CliUsageError) console.error(`error: ${e.message}`);
    else if (e instanceof Error && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')) console.error(`error: ${e.message}`);
    else console.error(`error: ${e instanceof Error ? e.message : String(e)} (run with --debug for details)`);
    process.exit(e instanceof UsageError || e instanceof CliUsageError ? 2 : 1);
  },
);
