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
import { defaultDealsFor, seedDealsCommand } from './deals';

// Admin work without a window. Errors are one line on stderr and a non-zero exit;
// --debug prints the stack.

const USAGE = `Usage: npm run cli -- <command> [options]
  seed   --db FILE --clients N [--seed S]   add N demo clients (creates the workspace)
  seed   ... [--deals M]                    and M deals with stage histories (default N/2)
  stats  --db FILE [--json]                 counts of what the workspace holds
  lookup PHONE --db FILE [--json]           clients and contacts with this phone
  serve  [--db FILE] [--port N] [--host H]  browser mode (default 127.0.0.1:5178)`;

class UsageError extends Error {}

const options = {
  db: { type: 'string' },
  clients: { type: 'string' },
  deals: { type: 'string' },
  seed: { type: 'string' },
  json: { type: 'boolean', default: false },
  port: { type: 'string' },
  host: { type: 'string' },
  debug: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
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

/**
 * Short commands (lookup runs on every incoming call) skip the integrity check at
 * open, which reads the whole file (~6 s at 200,000 clients); serve does it once.
 */
function openSession(db: string | undefined, opts: { required?: boolean; create?: boolean; checkIntegrity?: boolean } = {}): Session {
  if (!db && opts.required !== false) throw new UsageError('--db FILE is required');
  const path = resolve(db ?? defaultWorkspacePath());
  // A mistyped --db must not quietly create an empty workspace: `lookup` would then
  // answer "unknown caller" for every number.
  if (!opts.create && !existsSync(path)) throw new UsageError(`no workspace at ${path}`);
  const s = new Session({ skipIntegrityCheck: !opts.checkIntegrity });
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
      const n = intOption(values.clients, 'clients', values.deals !== undefined ? 0 : undefined);
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
      const secs = (performance.now() - t0) / 1000;
      const stats = workspaceStats(s.workspace.sqlite);
      s.close();
      console.log(
        values.json
          ? JSON.stringify({ added: n, addedDeals: deals, seconds: secs, ...stats })
          : `added ${n} clients in ${secs.toFixed(1)} s; ${stats.clients} clients in the workspace\nadded ${deals} deals; ${stats.deals} deals in the workspace`,
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
      const s = openSession(values.db, { required: false, create: true, checkIntegrity: true });
      const host = values.host ?? '127.0.0.1';
      const port = intOption(values.port, 'port', 5178);
      const server = await startServer(s, { host, port });
      console.log(`Kartoteka is open at ${server.url} (workspace: ${s.workspace.path})`);
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
    default:
      throw new UsageError(`unknown command "${command}"\n${USAGE}`);
  }
}

const argv = process.argv.slice(2);
main(argv).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (argv.includes('--debug')) console.error(e);
    else if (e instanceof AppError || e instanceof UsageError) console.error(`error: ${e.message}`);
    else if (e instanceof Error && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')) console.error(`error: ${e.message}`);
    else console.error(`error: ${e instanceof Error ? e.message : String(e)} (run with --debug for details)`);
    process.exit(e instanceof UsageError ? 2 : 1);
  },
);
