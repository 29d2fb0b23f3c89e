// Every text the Electron door shows the user: menus, native dialogs, the error box
// and the "UI not built" page. Russian is the default language, English the second,
// as in the renderer's catalogues beside this file. Placeholders are {name}, filled by fmt().
//
// `ru` is declared without `as const`, so typeof ru has plain string values; `en` is
// typed as typeof ru, so a key missing from en, or one only en has, fails the build.

import type { UiLanguage } from './languages';

const ru = {
  appTitle: 'Картотека',
  ok: 'OK',
  cancel: 'Отмена',

  menu: {
    about: 'О программе',
    hide: 'Скрыть Картотеку',
    hideOthers: 'Скрыть остальные',
    quitMac: 'Завершить Картотеку',
    file: 'Файл',
    openWorkspace: 'Открыть базу…',
    createWorkspace: 'Создать базу…',
    showWorkspaceFile: 'Показать файл базы в папке',
    closeWindow: 'Закрыть окно',
    quit: 'Выход',
    edit: 'Правка',
    undo: 'Отменить',
    redo: 'Повторить',
    cut: 'Вырезать',
    copy: 'Копировать',
    paste: 'Вставить',
    selectAll: 'Выделить всё',
    view: 'Вид',
    reload: 'Перезагрузить',
    devTools: 'Инструменты разработчика',
    resetZoom: 'Обычный масштаб',
    zoomIn: 'Крупнее',
    zoomOut: 'Мельче',
    fullScreen: 'Во весь экран',
    help: 'Справка',
  },

  about: {
    title: 'Картотека {version}',
    detail: 'CRM для небольших агентств. Работает без интернета.\nElectron {electron}',
  },

  dialogs: {
    kdbFilter: 'База Картотеки (*.kdb)',
    openTitle: 'Открыть базу',
    createTitle: 'Создать базу',
    createButton: 'Создать',
    defaultFileName: 'Картотека.kdb',
    networkTitle: 'База на сетевой папке',
    networkDetail:
      'Файл базы лежит на другом компьютере. Работа с базой по сети может её повредить. ' +
      'Держите базу на этом компьютере, а коллегам откройте доступ через браузерный режим.',
    networkUseAnyway: 'Всё равно использовать',
    backupFolderTitle: 'Вторая папка для резервных копий',
    backupFolderButton: 'Выбрать папку',
    openFailed: 'Не удалось открыть базу',
    createFailed: 'Не удалось создать базу',
    noWorkspaceTitle: 'База не открыта',
    noWorkspaceDetail: 'Откройте или создайте базу в меню «Файл».',
  },

  startup: {
    title: 'Последняя база не открылась',
    missing: 'База не найдена: {path}',
    cannotOpen: 'Не удалось открыть {path}:\n{reason}',
    opened: 'Открыта база: {path}. Другую базу можно открыть в меню «Файл».',
    noneOpened: 'Ни одну базу открыть не удалось. Откройте или создайте базу в меню «Файл».',
  },

  fatal: {
    title: 'Картотека не может запуститься',
    body: 'Программа не может работать и будет закрыта. Технические подробности:\n\n{detail}',
  },

  uiNotBuilt: 'Интерфейс не собран: выполните npm run build.',

  errors: {
    'workspace.not_found': 'Файл не найден: {path}',
    'workspace.exists': 'Файл уже существует: {path}. Выберите другое имя.',
    'workspace.damaged': 'Файл повреждён или не является базой Картотеки: {path}',
    'workspace.path_absolute': 'Укажите полный путь к файлу базы.',
    'workspace.path_extension': 'Выберите файл с расширением .kdb.',
    'workspace.newer': 'Эта база создана более новой версией Картотеки. Обновите программу, чтобы открыть её.',
    'workspace.migration_fk': 'Обновление базы прервано: нарушились бы связи записей. Данные не изменены.',
    'workspace.migration_search': 'Обновление базы прервано: оно отключило бы поиск. Данные не изменены.',
    'workspace.migration_failed': 'Не удалось обновить базу. Данные не изменены.',
    'workspace.closed': 'База не открыта.',
    'path.not_chosen': 'Выберите файл или папку в окне выбора.',
    internal: 'Внутренняя ошибка программы.',
    /** Validation failed for a reason other than the two path codes above. */
    validation: 'Путь к файлу базы не подходит. Выберите файл с расширением .kdb.',
    generic: 'Не удалось выполнить действие (код ошибки: {code}).',
    /** Secondary line with the core's own (English) message. */
    detail: 'Подробности: {detail}',
  },
};

export type Strings = typeof ru;

const en: Strings = {
  appTitle: 'Kartoteka',
  ok: 'OK',
  cancel: 'Cancel',

  menu: {
    about: 'About Kartoteka',
    hide: 'Hide Kartoteka',
    hideOthers: 'Hide Others',
    quitMac: 'Quit Kartoteka',
    file: 'File',
    openWorkspace: 'Open Workspace…',
    createWorkspace: 'Create Workspace…',
    showWorkspaceFile: 'Show Workspace File in Folder',
    closeWindow: 'Close Window',
    quit: 'Exit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    devTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Full Screen',
    help: 'Help',
  },

  about: {
    title: 'Kartoteka {version}',
    detail: 'A CRM for small agencies. Works without the internet.\nElectron {electron}',
  },

  dialogs: {
    kdbFilter: 'Kartoteka workspace (*.kdb)',
    openTitle: 'Open Workspace',
    createTitle: 'Create Workspace',
    createButton: 'Create',
    defaultFileName: 'Kartoteka.kdb',
    networkTitle: 'Workspace on a network folder',
    networkDetail:
      'The workspace file is on another computer. Working with it over the network can damage it. ' +
      'Keep the workspace on this computer and give colleagues access through browser mode.',
    networkUseAnyway: 'Use it anyway',
    backupFolderTitle: 'Second folder for backups',
    backupFolderButton: 'Choose Folder',
    openFailed: 'Could not open the workspace',
    createFailed: 'Could not create the workspace',
    noWorkspaceTitle: 'No workspace is open',
    noWorkspaceDetail: 'Open or create a workspace in the File menu.',
  },

  startup: {
    title: 'The last workspace did not open',
    missing: 'Workspace not found: {path}',
    cannotOpen: 'Could not open {path}:\n{reason}',
    opened: 'Open workspace: {path}. You can open another one in the File menu.',
    noneOpened: 'No workspace could be opened. Open or create one in the File menu.',
  },

  fatal: {
    title: 'Kartoteka cannot start',
    body: 'The app cannot run and will close. Technical details:\n\n{detail}',
  },

  uiNotBuilt: 'The UI is not built: run npm run build.',

  errors: {
    'workspace.not_found': 'File not found: {path}',
    'workspace.exists': 'The file already exists: {path}. Choose another name.',
    'workspace.damaged': 'The file is damaged or is not a Kartoteka workspace: {path}',
    'workspace.path_absolute': 'Enter the full path of the workspace file.',
    'workspace.path_extension': 'Choose a file ending in .kdb.',
    'workspace.newer': 'This workspace was written by a newer version of Kartoteka. Update the program to open it.',
    'workspace.migration_fk': 'The workspace update was stopped: record links would break. Nothing was changed.',
    'workspace.migration_search': 'The workspace update was stopped: it would disable search. Nothing was changed.',
    'workspace.migration_failed': 'The workspace could not be updated. Nothing was changed.',
    'workspace.closed': 'No workspace is open.',
    'path.not_chosen': 'Choose the file or folder in the dialog.',
    internal: 'Internal error in the app.',
    validation: 'This workspace path cannot be used. Choose a file ending in .kdb.',
    generic: 'The action failed (error code: {code}).',
    detail: 'Details: {detail}',
  },
};

export const STRINGS: Readonly<Record<UiLanguage, Strings>> = { ru, en };

/** Core error codes describeError() knows; anything else gets errors.generic. */
export type KnownErrorCode = Exclude<keyof Strings['errors'], 'validation' | 'generic' | 'detail'>;

export function isKnownErrorCode(code: string): code is KnownErrorCode {
  return code !== 'validation' && code !== 'generic' && code !== 'detail' && Object.prototype.hasOwnProperty.call(ru.errors, code);
}

/** The language to use before the renderer says which one the user chose. */
export function languageForLocale(locale: string): UiLanguage {
  return locale.toLowerCase().startsWith('en') ? 'en' : 'ru';
}

/** Fills {name} placeholders; unknown ones are left as they are. */
export function fmt(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}
