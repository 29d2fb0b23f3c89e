// Shared by the main process and the preload (each bundles its own copy).

/** The renderer's one door into the core: (name, inputJson) -> envelopeJson. */
export const CHANNEL_INVOKE = 'kartoteka:invoke';
/** Native dialogs for choosing a path: kind -> { token, path } | null (the page sends the token, never the path). */
export const CHANNEL_DIALOG = 'kartoteka:dialog';

/** A desktop notification for a task reminder (one-way, renderer -> main): (title, body). */
export const CHANNEL_NOTIFY = 'kartoteka:notify';

/** The UI language the user chose (one-way, renderer -> main): 'ru' | 'en'. */
export const CHANNEL_LANGUAGE = 'kartoteka:language';

export const DIALOG_KINDS = ['openWorkspace', 'createWorkspace', 'backupFolder'] as const;
export type DialogKind = (typeof DIALOG_KINDS)[number];

export { UI_LANGUAGES, isUiLanguage, type UiLanguage } from '../shared/i18n/languages';

/** The renderer is served from this privileged custom scheme, never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kartoteka';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Procedure names are "area.action": the door rejects anything else before it reaches the core. */
export const PROCEDURE_NAME = /^[a-zA-Z]+\.[a-zA-Z]+$/;

/** Same cap as the HTTP door's request body. */
export const MAX_INPUT_CHARS = 20 * 1024 * 1024;
