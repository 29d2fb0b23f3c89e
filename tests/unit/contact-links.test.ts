import { describe, expect, it } from 'vitest';
import { isMobile, telegramUrl, telUrl, whatsappUrl } from '../../src-renderer/clients/card/phoneLinks';
import { externalTarget } from '../../src-main/electron/web-policy';

const mayOpenExternally = (url: string) => externalTarget(url) !== null;

describe('phone links on the card', () => {
  it('offers messengers for mobiles only', () => {
    expect(isMobile('79161234567', null)).toBe(true);
    expect(isMobile('77011234567', null)).toBe(true); // Kazakhstan, +7 701
    expect(isMobile('74951234567', null)).toBe(false); // Moscow landline
    expect(isMobile('78127000001', null)).toBe(false);
    expect(isMobile('79161234567', '123')).toBe(false); // an extension is an office line
    expect(isMobile('380501234567', null)).toBe(true); // abroad: cannot tell, offered
    expect(isMobile('78433982088', null, 'mobile')).toBe(true); // labelled so by the user
    expect(isMobile('78433982088', null, 'сотовый')).toBe(true);
    expect(isMobile('78433982088', null, 'work')).toBe(false);
  });
  it('builds the tel:, WhatsApp and Telegram addresses from the digits', () => {
    expect(telUrl('79161234567')).toBe('tel:+79161234567');
    expect(whatsappUrl('79161234567')).toBe('https://wa.me/79161234567');
    expect(telegramUrl('79161234567')).toBe('https://t.me/+79161234567');
  });
});

describe('links the desktop app hands to the system', () => {
  it('lets https, plain mailto and plain tel out', () => {
    expect(mayOpenExternally('https://wa.me/79161234567')).toBe(true);
    expect(mayOpenExternally('https://t.me/+79161234567')).toBe(true);
    expect(mayOpenExternally('mailto:info@romashka.ru')).toBe(true);
    expect(mayOpenExternally('tel:+79161234567')).toBe(true);
  });
  it('keeps everything else in', () => {
    for (const url of ['http://example.com', 'file:///etc/passwd', 'javascript:alert(1)', 'mailto:a@b.ru?bcc=x@y.ru', 'tel:+7916;ext=1', 'tel:+7916?x=1', 'tel:call-me', 'ms-settings:', 'not a url']) {
      expect(mayOpenExternally(url), url).toBe(false);
    }
  });
});
