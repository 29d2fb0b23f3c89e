import { parseArgs } from 'node:util';
import { chooseLanguage, describeFailure, t, UsageError } from './door';
import { initCommand, lookupCommand, seedCommand, serveCommand, statsCommand } from './workspace';
import { backupCommand, backupsCommand, checkCommand, restoreCommand } from './backup';
import { exportCommand, importCommand } from './exchange';
import { reportCommand } from './report';
import { usersCommand } from './users';
import { auditCommand } from './audit';

// Admin work without a window. Errors are one line on stderr and a non-zero exit
// (2 for a mistake in the command line); --debug prints the stack.

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
  lang: { type: 'string' },
  debug: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  entity: { type: 'string' },
  mapping: { type: 'string' },
  'on-duplicate': { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  'create-users': { type: 'boolean', default: false },
  // import --entity receivables|payments
  map: { type: 'string', multiple: true },
  skip: { type: 'string', multiple: true },
  'skip-unmatched': { type: 'boolean', default: false },
  format: { type: 'string' },
  out: { type: 'string' },
  // --to: a folder for `backup`, the last day for `report`.
  from: { type: 'string' },
  month: { type: 'string' },
  // `report receivables`: the date the debts are counted on.
  'as-of': { type: 'string' },
  by: { type: 'string' },
  pipeline: { type: 'string' },
  tz: { type: 'string' },
  opt: { type: 'string', multiple: true },
  // users
  name: { type: 'string' },
  login: { type: 'string' },
  role: { type: 'string' },
  'password-stdin': { type: 'boolean', default: false },
  user: { type: 'string' },
} as const;

function intOption(value: string | undefined, name: string, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new UsageError('errors.optionRequired', { name });
    return fallback;
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError('errors.wholeNumber', { name, value });
  return n;
}

/** Deals added by `seed` when --deals is not given: about one per two clients added. */
const defaultDealsFor = (clients: number): number => Math.round(clients / 2);

/** node:util's parse errors, in the run's language. */
function parseFailure(e: unknown): UsageError | null {
  const code = e instanceof Error && 'code' in e ? String((e as { code: unknown }).code) : '';
  if (!code.startsWith('ERR_PARSE_ARGS')) return null;
  const option = /'(-[^' ]+)/.exec((e as Error).message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError('errors.unknownOption', { option });
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return new UsageError('errors.optionValue', { option });
  return new UsageError('errors.parse', { message: (e as Error).message });
}

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw parseFailure(e) ?? e;
  }
}

async function main(argv: string[]): Promise<number> {
  // The language first, so that even a malformed command line is answered in it.
  const at = argv.indexOf('--lang');
  chooseLanguage(at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length));
  const { values, positionals } = parse(argv);
  chooseLanguage(values.lang);
  const [command, ...args] = positionals;
  if (values.help || !command) {
    console.log(t('usage'));
    return command || values.help ? 0 : 1;
  }
  switch (command) {
    case 'init':
      return initCommand(values.db, values.json);
    case 'seed': {
      const tasks = intOption(values.tasks, 'tasks', 0);
      const clients = intOption(values.clients, 'clients', tasks > 0 || values.deals !== undefined ? 0 : undefined);
      const deals = intOption(values.deals, 'deals', defaultDealsFor(clients));
      const seed = values.seed ? intOption(values.seed, 'seed') : undefined;
      return seedCommand(values.db, { clients, deals, tasks, seed }, values.json);
    }
    case 'stats':
      return statsCommand(values.db, values.json);
    case 'lookup':
      return lookupCommand(values.db, args[0], values.json);
    case 'serve':
      return serveCommand(values.db, values.host ?? '127.0.0.1', intOption(values.port, 'port', 5178));
    case 'backup':
      return backupCommand(values.db, values.to, values.json);
    case 'backups':
      return backupsCommand(values.db, values.json);
    case 'restore':
      return restoreCommand(args[0], values.db);
    case 'check':
      return checkCommand(values.db);
    case 'import':
      return importCommand(values.db, args[0], values);
    case 'export':
      return exportCommand(values.db, args[0], values);
    case 'report':
      return reportCommand(values.db, args[0], values);
    case 'users':
      return usersCommand(args[0], args.slice(1), values);
    case 'audit':
      return auditCommand(values.db, values);
    default:
      throw new UsageError('errors.unknownCommand', { command });
  }
}

const argv = process.argv.slice(2);
main(argv).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (argv.includes('--debug')) console.error(e);
    console.error(`${t('errorPrefix')}: ${describeFailure(e)}`);
    if (e instanceof UsageError && e.key === 'errors.unknownCommand') console.error(t('usage'));
    process.exit(e instanceof UsageError ? 2 : 1);
  },
);
