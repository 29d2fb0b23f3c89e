// Which links may leave the app (kept free of the electron import so it is unit-tested).

/**
 * https pages, plain mailto: addresses and plain tel: numbers (the card's click-to-call,
 * handed to whatever the PC has for calls: a softphone, Skype, a phone link app).
 * Anything else (file:, javascript:, custom schemes, mailto with headers) stays in.
 */
export function mayOpenExternally(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const plainMailto = parsed.protocol === 'mailto:' && !parsed.search && /^[^\s@/?#]+@[^\s@/?#]+$/.test(parsed.pathname);
  const plainTel = parsed.protocol === 'tel:' && !parsed.search && !parsed.hash && /^\+?\d{3,15}$/.test(parsed.pathname);
  return parsed.protocol === 'https:' || plainMailto || plainTel;
}
