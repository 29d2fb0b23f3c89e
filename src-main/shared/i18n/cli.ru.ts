// The command line's texts. Russian is the default; `--lang en` or the workspace's
// language (chosen in the UI) switches them. cli.en.ts has exactly these keys.

export const cliRu = {
  usage: `Использование: npm run cli -- <команда> [параметры]
  init   --db ФАЙЛ                          создать пустую базу (один администратор, без демо-данных)
  seed   --db ФАЙЛ --clients N [--tasks M] [--seed S]   добавить N демо-клиентов и M демо-задач (создаёт базу)
  seed   ... [--deals M]                    и M сделок с историей этапов (по умолчанию N/2)
  stats  --db ФАЙЛ [--json]                 сколько чего в базе
  lookup ТЕЛЕФОН --db ФАЙЛ [--json]         клиенты и контактные лица с этим телефоном
  serve  [--db ФАЙЛ] [--port N] [--host H]  режим браузера (по умолчанию 127.0.0.1:5178)
  backup  --db ФАЙЛ [--to ПАПКА] [--json]   проверенная резервная копия сейчас; печатает её путь
  backups --db ФАЙЛ [--json]                резервные копии базы, новые первыми
  restore КОПИЯ --db ФАЙЛ                   файл или id копии в ФАЙЛ (текущее состояние сохраняется копией)
  check   --db ФАЙЛ                         проверка целостности; код 0, если база исправна
  import ФАЙЛ --db ФАЙЛ [--entity clients|contacts|deals|plans] [--mapping auto|ПРЕСЕТ.json] [--on-duplicate skip|update|overwrite|create] [--create-users] [--dry-run] [--json]
  import ФАЙЛ --db ФАЙЛ --entity receivables|payments [--map "Название=id или ИНН клиента"]... [--skip "Название"]... [--skip-unmatched] [--dry-run] [--json]   ОСВ 62, долги по срокам, список документов; выписка банка (kl_to_1c.txt)
  export clients|contacts|deals --db ФАЙЛ --format xlsx|csv|csv-1c|vcf --out ФАЙЛ   (vcf: не для сделок)
  report NAME --db ФАЙЛ [--from ГГГГ-ММ-ДД] [--to ГГГГ-ММ-ДД] [--month ГГГГ-ММ] [--by изм1,изм2] [--pipeline НАЗВАНИЕ] [--opt ключ=значение] [--json | --format xlsx --out ФАЙЛ]
  report receivables --db ФАЙЛ --as-of ГГГГ-ММ-ДД [--opt bucket=overdue|b0_30|b31_60|b61_90|b90plus] [--json | --format xlsx --out ФАЙЛ]   дебиторка на дату
  users add --db ФАЙЛ --name ИМЯ --login ЛОГИН --role owner|admin|manager|viewer [--password-stdin]   добавить сотрудника (пароль — со стандартного ввода)
  users list --db ФАЙЛ [--json]             сотрудники: логин, роль, есть ли пароль
  users passwd ЛОГИН --db ФАЙЛ --password-stdin   задать пароль (читается со стандартного ввода); все входы сотрудника завершаются
  users deactivate ЛОГИН --db ФАЙЛ          отключить сотрудника: войти больше нельзя, его входы завершаются
  audit   --db ФАЙЛ [--user ИМЯ|ЛОГИН] [--from ГГГГ-ММ-ДД] [--to ГГГГ-ММ-ДД] [--json]   журнал: кто что менял, новые первыми
  у любой команды: --lang ru|en (язык сообщений; по умолчанию язык базы), --debug (подробности ошибок)`,
  errorPrefix: 'ошибка',
  debugHint: '(подробности: запустите с --debug)',
  errors: {
    dbRequired: 'нужен параметр --db ФАЙЛ',
    usersSubcommand: 'users: укажите действие — add, list, passwd или deactivate',
    usersNeedsLogin: 'users {{action}}: укажите ЛОГИН',
    noSuchLogin: 'нет сотрудника с логином «{{login}}»',
    roleOneOf: '--role: одно из owner, admin, manager, viewer; получено «{{value}}»',
    passwordStdinRequired: 'пароль читается только со стандартного ввода: добавьте --password-stdin и передайте его, например: echo ПАРОЛЬ | npm run cli -- …',
    passwordEmpty: 'со стандартного ввода не пришёл пароль',
    lanNeedsPassword:
      'доступ по сети (--host {{host}}) не откроется, пока ни у кого нет пароля: задайте пароль в Настройки → Сотрудники или командой npm run cli -- users passwd ЛОГИН --db {{db}} --password-stdin',
    auditUser: 'нет пользователя «{{user}}» (укажите имя или логин, как в Настройки → Пользователи)',
    noWorkspace: 'нет базы {{path}}; создайте её: npm run cli -- init --db {{path}}',
    workspaceExists: 'файл {{path}} уже существует; init создаёт только новую базу',
    optionRequired: 'нужен параметр --{{name}}',
    wholeNumber: '--{{name}} должно быть целым числом, а не «{{value}}»',
    lookupNeedsPhone: 'lookup: укажите ТЕЛЕФОН',
    unknownCommand: 'неизвестная команда «{{command}}»',
    restoreNeedsBackup: 'restore: укажите файл или id резервной копии',
    backupNotFound: 'нет файла или id резервной копии «{{backup}}»',
    mapShape: '--map: нужно «Название=id или ИНН клиента», а не «{{value}}»',
    importNeedsFile: 'import: укажите ФАЙЛ',
    exportNeedsEntity: 'export: укажите, что выгружать: {{entities}}',
    formatOneOf: '--format: одно из {{formats}}',
    outRequired: 'нужен параметр --out ФАЙЛ',
    onDuplicate: '--on-duplicate: skip, update, overwrite или create, а не «{{value}}»',
    presetUnreadable: 'не удаётся прочитать пресет сопоставления {{path}}: {{detail}}',
    presetShape: 'пресет сопоставления {{path}} должен быть JSON-объектом «заголовок → поле»',
    lang: '--lang: ru или en',
    unknownOption: 'неизвестный параметр {{option}}',
    optionValue: 'у параметра {{option}} нет значения',
    parse: 'неверная командная строка: {{message}}',
    reportNeedsName: 'report: укажите отчёт (sales, plan-fact, funnel, lost-reasons, sources, activity, churn, abc, base-audit, forecast)',
    reportMonth: '--month: месяц в формате ГГГГ-ММ, а не «{{value}}»',
    reportDate: '--{{name}}: дата в формате ГГГГ-ММ-ДД, а не «{{value}}»',
    reportOrder: 'конец периода ({{to}}) раньше начала ({{from}})',
    reportOption: '--opt: ключ=значение, а не «{{value}}»',
    reportFormat: '--format: только xlsx, а не «{{value}}»',
    reportPipeline: 'нет воронки «{{name}}»',
    uiNotBuilt: 'интерфейс не собран и собрать его не удалось: выполните npm run build:renderer',
  },
  seeded:
    'добавлено: клиентов {{clients}}, сделок {{deals}}, задач {{tasks}} за {{seconds}} с; в базе клиентов {{totalClients}}, сделок {{totalDeals}}, задач {{totalTasks}}',
  initDone: 'создана пустая база {{path}} (администратор: {{owner}})',
  noMatch: 'не найдено',
  innLabel: 'ИНН',
  serving: 'Картотека открыта: {{url}} (база: {{path}})',
  notOpen: 'не открыта',
  lanWarning: 'Доступ по сети ВКЛЮЧЁН: компьютеры вашей сети могут открыть {{url}}; войти можно только с логином и паролем.',
  passwordPrompt: 'Пароль: ',
  userAdded: 'сотрудник {{name}} добавлен (логин {{login}}, роль {{role}})',
  passwordSet: 'пароль сотрудника {{login}} задан; завершено входов: {{ended}}',
  userDeactivated: 'сотрудник {{login}} отключён; войти больше нельзя',
  userLine: '{{login}}  {{name}}  {{role}}  {{active}}  {{password}}  {{last}}',
  userWords: { active: 'работает', inactive: 'отключён', password: 'пароль задан', noPassword: 'без пароля', never: 'не входил', noLogin: '(без логина)' },
  uiBuilding: 'Интерфейс ещё не собран — собираю (npm run build:renderer)…',
  damagedServing: 'внимание: {{message}}\nСтраница в браузере предложит последнюю исправную копию.',
  backupsNone: 'резервных копий в {{dir}} нет',
  backupLine: '{{createdAt}}  {{reason}}  {{size}}  клиентов {{clients}}  {{path}}',
  megabytes: '{{n}} МБ',
  restored: 'копия {{file}} восстановлена в {{db}}; прежнее состояние — копия {{undoId}}',
  restoredNew: 'копия {{file}} восстановлена в новую базу {{db}}',
  restoredDamaged: 'база была повреждена и сохранена как {{movedTo}}; копия {{file}} восстановлена в {{db}}',
  checkOk: 'ok: {{path}} прошла проверку целостности',
  checkFailed: '{{path}} {{what}}: {{first}}{{more}}',
  checkMore: ' (и ещё проблем: {{n}})',
  checkWhat: { missing: 'не найдена', not_sqlite: 'не является базой', damaged: 'повреждена' },
  readRows: 'прочитано строк: {{n}}',
  rowError: 'строка {{row}}: ошибка: {{message}}',
  rowWarning: 'строка {{row}}: предупреждение: {{message}}',
  imported: 'создано {{created}}, обновлено {{updated}}, пропущено {{skipped}}, отклонено {{rejected}} (заголовок в строке {{headerRow}})',
  importDryRun:
    'пробный запуск, ничего не записано: было бы создано {{created}}, обновлено {{updated}}, пропущено {{skipped}}, отклонено {{rejected}} (заголовок в строке {{headerRow}})',
  recvUnmatched: 'не сопоставлено: «{{name}}» (ИНН {{inn}}, строки {{rows}}); похожие клиенты: {{candidates}} — укажите --map "{{name}}=id или ИНН" или --skip "{{name}}"',
  recvSkipped: 'пропущены: {{names}}',
  recvDocuments: 'документы ({{kind}}): создано {{created}}, обновлено {{updated}}, удалено {{removed}}, без изменений {{unchanged}}',
  recvPayments: 'оплаты: добавлено {{added}}, уже были {{duplicates}}, без клиента {{unattached}}; исходящие пропущены: {{outgoing}}',
  recvDryRun: 'пробный запуск, ничего не записано: {{line}}',
  exported: 'выгружено {{rows}} ({{entity}}) в {{path}}',
};

export type CliMessages = typeof cliRu;
