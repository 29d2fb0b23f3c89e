import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import {
  externalTarget,
  isAppUrl,
  isNetworkRequest,
  navigationDecision,
  NETWORK_URL_PATTERNS,
  notificationText,
  permissionAllowed,
} from '../../../src-main/electron/web-policy';

// The window's rules as pure decisions, then their wiring to Electron's events with
// Electron's objects stubbed at the boundary (no binary needed).

const openExternal = vi.fn(async (_url: string) => {});
vi.mock('electron', () => ({ shell: { openExternal: (url: string) => openExternal(url) }, session: { defaultSession: null } }));
const { harden, lockDownSession } = await import('../../../src-main/electron/hardening');

describe('isAppUrl', () => {
  it('accepts only our own origin', () => {
    expect(isAppUrl('app://kartoteka')).toBe(true);
    expect(isAppUrl('app://kartoteka/')).toBe(true);
    expect(isAppUrl('app://kartoteka/index.html#/clients/1')).toBe(true);
    for (const url of [
      'app://kartoteka.evil/',
      'app://kartotekaX/',
      'app://other/index.html',
      'app://user@kartoteka/',
      'https://kartoteka/',
      'file:///C:/index.html',
      'kartoteka/index.html',
      'javascript:alert(1)',
      '',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('external links', () => {
  it('hands https pages, plain e-mail addresses and phone numbers to the OS', () => {
    expect(externalTarget('https://nalog.ru/')).toBe('https://nalog.ru/');
    expect(externalTarget('mailto:anna@example.ru')).toBe('mailto:anna@example.ru');
    expect(externalTarget('tel:+74951234567')).toBe('tel:+74951234567');
    expect(externalTarget('tel:+7%20(495)%20123-45-67')).toBe('tel:+7%20(495)%20123-45-67');
  });

  it('drops every other scheme and parameters that make a mail client attach files', () => {
    for (const url of [
      'http://example.ru/',
      'file:///C:/Windows/System32/calc.exe',
      'smb://server/share',
      '\\\\server\\share',
      'javascript:alert(1)',
      'ms-msdt:/id PCWDiagnostic',
      'search-ms:query=x',
      'mailto:anna@example.ru?attach=C:/secret.kdb',
      'mailto:anna@example.ru?body=x',
      'mailto:a@b@c',
      'mailto:',
      'tel:+7495;phone-context=evil',
      'tel:?x=1',
      'tel:letters',
      'https://user:pass@example.ru/',
      'not a url',
    ]) {
      expect(externalTarget(url), url).toBeNull();
    }
  });

  it('keeps the window on our pages and sends the rest outside or nowhere', () => {
    expect(navigationDecision('app://kartoteka/index.html')).toEqual({ allow: true });
    expect(navigationDecision('https://example.ru/')).toEqual({ allow: false, external: 'https://example.ru/' });
    expect(navigationDecision('tel:+79161234567')).toEqual({ allow: false, external: 'tel:+79161234567' });
    expect(navigationDecision('file:///etc/passwd')).toEqual({ allow: false, external: null });
  });
});

describe('permissions and network', () => {
  it('grants no web permission to anyone, our own pages included (the clipboard one is gone)', () => {
    for (const permission of [
      'clipboard-sanitized-write',
      'clipboard-read',
      'media',
      'geolocation',
      'notifications',
      'hid',
      'serial',
      'usb',
      'fullscreen',
      'openExternal',
    ]) {
      expect(permissionAllowed(permission, 'app://kartoteka/'), permission).toBe(false);
    }
  });

  it('treats every network scheme as a request to block, never app://', () => {
    expect(isNetworkRequest('https://redirector.gvt1.com/edgedl/chrome/dict/ru-ru-3-0.bdic')).toBe(true);
    expect(isNetworkRequest('http://127.0.0.1:5178/api/clients.list')).toBe(true);
    expect(isNetworkRequest('wss://example.ru/')).toBe(true);
    expect(isNetworkRequest('app://kartoteka/assets/app.js')).toBe(false);
    expect(isNetworkRequest('devtools://devtools/bundled/inspector.html')).toBe(false);
  });
});

describe('notification text', () => {
  it('escapes the body for Linux desktops that render markup, and only there', () => {
    const body = 'Позвонить <b>ООО «Ромашка» & Co</b> <img src="https://evil/x.png"> \'да\'';
    const linux = notificationText('linux', 'Напоминание <i>', body);
    expect(linux.body).toBe('Позвонить &lt;b&gt;ООО «Ромашка» &amp; Co&lt;/b&gt; &lt;img src=&quot;https://evil/x.png&quot;&gt; &#39;да&#39;');
    expect(linux.title).toBe('Напоминание <i>');
    expect(notificationText('win32', 't', body).body).toBe(body);
    expect(notificationText('darwin', 't', body).body).toBe(body);
  });

  it('cuts long texts before escaping, so no entity is cut in half', () => {
    const r = notificationText('linux', 'x'.repeat(300), '&'.repeat(600));
    expect(r.title).toHaveLength(200);
    expect(r.body).toBe('&amp;'.repeat(500));
  });
});

// --- wiring -----------------------------------------------------------------------------

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
}

function navigate(contents: FakeContents, channel: string, url: string): boolean {
  let prevented = false;
  contents.emit(channel, { url, preventDefault: () => (prevented = true) });
  return prevented;
}

describe('harden() wires the decisions to a web contents', () => {
  beforeEach(() => openExternal.mockClear());

  it('cancels navigation away from app:// and opens only harmless links outside', () => {
    const contents = new FakeContents();
    harden(contents as never);
    expect(navigate(contents, 'will-navigate', 'app://kartoteka/index.html#/deals')).toBe(false);
    expect(navigate(contents, 'will-navigate', 'https://example.ru/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'tel:+74951234567')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate(contents, 'will-redirect', 'https://example.ru/')).toBe(true);
    expect(navigate(contents, 'will-attach-webview', 'app://kartoteka/')).toBe(true);
    expect(openExternal.mock.calls.map((c) => c[0])).toEqual(['https://example.ru/', 'tel:+74951234567']);
  });

  it('denies every new window, handing harmless links to the OS', () => {
    const contents = new FakeContents();
    harden(contents as never);
    expect(contents.openHandler!({ url: 'app://kartoteka/index.html' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'mailto:anna@example.ru' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls.map((c) => c[0])).toEqual(['mailto:anna@example.ru']);
  });
});

describe('lockDownSession() wires the session', () => {
  it('denies permissions and devices, turns off the spell checker, and cancels network requests', () => {
    const ses = {
      request: null as null | ((c: unknown, p: string, cb: (ok: boolean) => void, d: { requestingUrl: string }) => void),
      check: null as null | ((c: unknown, p: string, origin: string) => boolean),
      device: null as null | (() => boolean),
      spellChecker: true,
      filter: null as null | { urls: string[] },
      onRequest: null as null | ((d: { url: string; method: string }, cb: (r: { cancel: boolean }) => void) => void),
      setPermissionRequestHandler(h: never) {
        this.request = h;
      },
      setPermissionCheckHandler(h: never) {
        this.check = h;
      },
      setDevicePermissionHandler(h: never) {
        this.device = h;
      },
      setSpellCheckerEnabled(on: boolean) {
        this.spellChecker = on;
      },
      webRequest: {
        onBeforeRequest: (filter: { urls: string[] }, h: never) => {
          ses.filter = filter;
          ses.onRequest = h;
        },
      },
    };
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    lockDownSession(ses as never);
    const granted: boolean[] = [];
    ses.request!(null, 'clipboard-sanitized-write', (ok) => granted.push(ok), { requestingUrl: 'app://kartoteka/' });
    ses.request!(null, 'media', (ok) => granted.push(ok), { requestingUrl: 'app://kartoteka/' });
    expect(granted).toEqual([false, false]);
    expect(ses.check!(null, 'clipboard-sanitized-write', 'app://kartoteka')).toBe(false);
    expect(ses.device!()).toBe(false);
    expect(ses.spellChecker).toBe(false);
    expect(ses.filter!.urls).toEqual(NETWORK_URL_PATTERNS);
    const answers: boolean[] = [];
    ses.onRequest!({ url: 'https://redirector.gvt1.com/dict.bdic', method: 'GET' }, (r) => answers.push(r.cancel));
    expect(answers).toEqual([true]);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('[main] blocked network request: GET https://redirector.gvt1.com/dict.bdic'));
    errors.mockRestore();
  });
});
