// Runs in the sandboxed renderer before the page; bundled as CommonJS because
// sandboxed preloads cannot be ES modules. Exposes one narrow, typed object:
// window.kartoteka = { invoke(name, input), dialogs, setLanguage(lang), notify(title, body) }. No ipcRenderer, no Node.

import { contextBridge, ipcRenderer } from 'electron';
import type { BridgeResult, ChosenPath, KartotekaBridge } from './bridge-types';
import { failure } from '../shared/envelope';
import { CHANNEL_DIALOG, CHANNEL_INVOKE, CHANNEL_LANGUAGE, CHANNEL_NOTIFY, isUiLanguage, type UiLanguage } from './channels';

const bridge: KartotekaBridge = {
  async invoke(name: string, input: unknown): Promise<BridgeResult> {
    if (typeof name !== 'string') return failure('bad_request', 'The procedure name must be a string');
    let json: string | undefined;
    try {
      // Same serialisation as the HTTP client: JSON both ways.
      json = input === undefined ? undefined : JSON.stringify(input);
    } catch (e) {
      return failure('bad_request', `The input cannot be sent as JSON: ${(e as Error).message}`);
    }
    let body: unknown;
    try {
      body = await ipcRenderer.invoke(CHANNEL_INVOKE, name, json ?? '{}');
    } catch (e) {
      return failure('internal', `The app did not answer: ${(e as Error).message}`);
    }
    if (typeof body !== 'string') return failure('internal', 'Malformed reply from the app');
    try {
      return JSON.parse(body) as BridgeResult;
    } catch {
      return failure('internal', 'Malformed reply from the app');
    }
  },
  dialogs: {
    openWorkspace: () => ipcRenderer.invoke(CHANNEL_DIALOG, 'openWorkspace') as Promise<ChosenPath | null>,
    createWorkspace: () => ipcRenderer.invoke(CHANNEL_DIALOG, 'createWorkspace') as Promise<ChosenPath | null>,
    backupFolder: () => ipcRenderer.invoke(CHANNEL_DIALOG, 'backupFolder') as Promise<ChosenPath | null>,
  },
  setLanguage(lang: UiLanguage): void {
    if (isUiLanguage(lang)) ipcRenderer.send(CHANNEL_LANGUAGE, lang);
  },
  notify(title: string, body: string): void {
    if (typeof title === 'string' && typeof body === 'string') ipcRenderer.send(CHANNEL_NOTIFY, title, body);
  },
};

contextBridge.exposeInMainWorld('kartoteka', bridge);
