import type { CliMessages } from './cli.ru';

export const cliEn: CliMessages = {
  usage: `Usage: npm run cli -- <command> [options]
  init   --db FILE                          create an empty workspace (one administrator, no demo data)
  seed   --db FILE --clients N [--tasks M] [--seed S]   add N demo clients, M demo tasks (creates the workspace)
  seed   ... [--deals M]                    and M deals with stage histories (default N/2; seeded first, a third of the tasks go on them)
  stats  --db FILE [--json]                 counts of what the workspace holds
  lookup PHONE --db FILE [--json]           clients and contacts with this phone
  serve  [--db FILE] [--port N] [--host H]  browser mode (default 127.0.0.1:5178)
  backup  --db FILE [--to DIR] [--json]     verified backup now; prints its path
  backups --db FILE [--json]                the workspace's backups, newest first
  restore BACKUP --db FILE                  backup file or id into FILE (the current state is kept as a backup)
  check   --db FILE                         integrity check; exit 0 when sound
  import FILE --db FILE [--entity clients|contacts|deals|plans] [--mapping auto|PRESET.json] [--on-duplicate skip|update|overwrite|create] [--create-users] [--dry-run] [--json]
  import FILE --db FILE --entity receivables|payments [--map "Name=client id or ИНН"]... [--skip "Name"]... [--skip-unmatched] [--dry-run] [--json]   ОСВ 62, debts by age, a document list; a bank statement (kl_to_1c.txt)
  export clients|contacts|deals --db FILE --format xlsx|csv|csv-1c|vcf --out FILE   (vcf: not deals)
  report NAME --db FILE [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--month YYYY-MM] [--by dim1,dim2] [--pipeline NAME] [--opt key=value] [--json | --format xlsx --out FILE]
  report receivables --db FILE --as-of YYYY-MM-DD [--opt bucket=overdue|b0_30|b31_60|b61_90|b90plus] [--json | --format xlsx --out FILE]   receivables as of a date
  users add --db FILE --name NAME --login LOGIN --role owner|admin|manager|viewer [--password-stdin]   add a user (the password from standard input)
  users list --db FILE [--json]             users: login, role, whether they have a password
  users passwd LOGIN --db FILE --password-stdin   set a password (read from standard input); the user's sign-ins end
  users deactivate LOGIN --db FILE          deactivate a user: no more sign-ins, theirs end
  audit   --db FILE [--user NAME|LOGIN] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]   the audit log: who changed what, newest first
  any command: --lang ru|en (language of messages; default: the workspace's), --debug (error details)`,
  errorPrefix: 'error',
  debugHint: '(run with --debug for details)',
  errors: {
    dbRequired: '--db FILE is required',
    usersSubcommand: 'users: say what to do: add, list, passwd or deactivate',
    usersNeedsLogin: 'users {{action}} needs a LOGIN',
    noSuchLogin: 'no user with the login "{{login}}"',
    roleOneOf: '--role must be one of owner, admin, manager, viewer, got "{{value}}"',
    passwordStdinRequired: 'the password is read from standard input only: add --password-stdin and pipe it, e.g. echo PASSWORD | npm run cli -- …',
    passwordEmpty: 'no password came on standard input',
    lanNeedsPassword:
      'LAN access (--host {{host}}) stays closed while no user has a password: set one in Settings → Users or with npm run cli -- users passwd LOGIN --db {{db}} --password-stdin',
    auditUser: 'no user “{{user}}” (give a name or login as in Settings → Users)',
    noWorkspace: 'no workspace at {{path}}; create one with: npm run cli -- init --db {{path}}',
    workspaceExists: 'a file already exists at {{path}}; init only creates a new workspace',
    optionRequired: '--{{name}} is required',
    wholeNumber: '--{{name}} must be a whole number, got "{{value}}"',
    lookupNeedsPhone: 'lookup needs a PHONE',
    unknownCommand: 'unknown command "{{command}}"',
    restoreNeedsBackup: 'restore needs a BACKUP file or id',
    backupNotFound: 'no backup file or id "{{backup}}"',
    mapShape: '--map: «Name=client id or ИНН» is needed, not «{{value}}»',
    importNeedsFile: 'import needs a FILE',
    exportNeedsEntity: 'export needs an ENTITY: {{entities}}',
    formatOneOf: '--format must be one of {{formats}}',
    outRequired: '--out FILE is required',
    onDuplicate: '--on-duplicate must be skip, update, overwrite or create, got "{{value}}"',
    presetUnreadable: 'cannot read the mapping preset {{path}}: {{detail}}',
    presetShape: 'the mapping preset {{path}} must be a JSON object of header → field',
    lang: '--lang must be ru or en',
    unknownOption: 'unknown option {{option}}',
    optionValue: 'option {{option}} needs a value',
    parse: 'invalid command line: {{message}}',
    reportNeedsName: 'report needs a NAME (sales, plan-fact, funnel, lost-reasons, sources, activity, churn, abc, base-audit, forecast)',
    reportMonth: '--month must be a month as YYYY-MM, got "{{value}}"',
    reportDate: '--{{name}} must be a date as YYYY-MM-DD, got "{{value}}"',
    reportOrder: 'the period ends ({{to}}) before it starts ({{from}})',
    reportOption: '--opt must be key=value, got "{{value}}"',
    reportFormat: '--format can only be xlsx, got "{{value}}"',
    reportPipeline: 'no pipeline "{{name}}"',
    uiNotBuilt: 'the UI is not built and could not be built: run npm run build:renderer',
  },
  seeded:
    'added {{clients}} clients, {{deals}} deals and {{tasks}} tasks in {{seconds}} s; the workspace holds {{totalClients}} clients, {{totalDeals}} deals, {{totalTasks}} tasks',
  initDone: 'created an empty workspace {{path}} (administrator: {{owner}})',
  noMatch: 'no match',
  innLabel: 'INN',
  serving: 'Kartoteka is open at {{url}} (workspace: {{path}})',
  notOpen: 'not open',
  lanWarning: 'LAN access is ON: PCs of your network can open {{url}}; only a login and password let them in.',
  passwordPrompt: 'Password: ',
  userAdded: 'added {{name}} (login {{login}}, role {{role}})',
  passwordSet: 'password of {{login}} set; sign-ins ended: {{ended}}',
  userDeactivated: '{{login}} deactivated; they can no longer sign in',
  userLine: '{{login}}  {{name}}  {{role}}  {{active}}  {{password}}  {{last}}',
  userWords: {
    active: 'active',
    inactive: 'deactivated',
    password: 'password set',
    noPassword: 'no password',
    never: 'never signed in',
    noLogin: '(no login)',
  },
  uiBuilding: 'The UI is not built yet: building it (npm run build:renderer)…',
  damagedServing: 'warning: {{message}}\nThe browser page offers the newest good backup.',
  backupsNone: 'no backups in {{dir}}',
  backupLine: '{{createdAt}}  {{reason}}  {{size}}  clients {{clients}}  {{path}}',
  megabytes: '{{n}} MB',
  restored: 'restored {{file}} into {{db}}; the previous state is backup {{undoId}}',
  restoredNew: 'restored {{file}} into {{db}}',
  restoredDamaged: 'the workspace was damaged and is kept as {{movedTo}}; restored {{file}} into {{db}}',
  checkOk: 'ok: {{path}} passed the integrity check',
  checkFailed: '{{path}} {{what}}: {{first}}{{more}}',
  checkMore: ' (and {{n}} more problems)',
  checkWhat: { missing: 'not found', not_sqlite: 'is not a workspace', damaged: 'is damaged' },
  readRows: 'read {{n}} rows',
  rowError: 'row {{row}}: error: {{message}}',
  rowWarning: 'row {{row}}: warning: {{message}}',
  imported: 'created {{created}}, updated {{updated}}, skipped {{skipped}}, rejected {{rejected}} (header in row {{headerRow}})',
  importDryRun:
    'dry run, nothing written: would create {{created}}, updated {{updated}}, skipped {{skipped}}, rejected {{rejected}} (header in row {{headerRow}})',
  recvUnmatched: 'not matched: «{{name}}» (ИНН {{inn}}, rows {{rows}}); similar clients: {{candidates}} — give --map "{{name}}=id or ИНН" or --skip "{{name}}"',
  recvSkipped: 'skipped: {{names}}',
  recvDocuments: 'documents ({{kind}}): created {{created}}, updated {{updated}}, removed {{removed}}, unchanged {{unchanged}}',
  recvPayments: 'payments: added {{added}}, already there {{duplicates}}, without a client {{unattached}}; outgoing ignored: {{outgoing}}',
  recvDryRun: 'dry run, nothing written: {{line}}',
  exported: 'exported {{rows}} {{entity}} to {{path}}',
};
