import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../src-main/electron/senders';

// Every IPC channel first asks isTrustedSender; Electron's event, frame and window are
// plain objects here.

const contents = { id: 1 };
const window = { isDestroyed: () => false, webContents: contents };
const top = (url: string) => ({ url, parent: null });
const event = (frame: unknown, sender: unknown = contents) => ({ sender, senderFrame: frame }) as never;

describe('isTrustedSender', () => {
  it('trusts the top frame of our window on an app:// page', () => {
    expect(isTrustedSender(event(top('app://kartoteka/index.html')), window as never)).toBe(true);
  });

  it('refuses subframes, other web contents, a closed window and foreign pages', () => {
    expect(isTrustedSender(event({ url: 'app://kartoteka/index.html', parent: top('app://kartoteka/') }), window as never)).toBe(false);
    expect(isTrustedSender(event(top('app://kartoteka/index.html'), { id: 2 }), window as never)).toBe(false);
    expect(isTrustedSender(event(top('app://kartoteka/index.html')), { ...window, isDestroyed: () => true } as never)).toBe(false);
    expect(isTrustedSender(event(top('app://kartoteka/index.html')), null)).toBe(false);
    expect(isTrustedSender(event(null), window as never)).toBe(false);
    for (const url of ['https://example.ru/', 'app://kartoteka.evil/', 'app://other/', 'file:///index.html', 'about:blank', 'devtools://devtools/']) {
      expect(isTrustedSender(event(top(url)), window as never), url).toBe(false);
    }
  });
});
