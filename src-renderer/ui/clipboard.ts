/**
 * Copies text. The Clipboard API exists only in secure contexts: the desktop app and
 * http://127.0.0.1 have it, another office PC opening http://<ip>:5178/ does not, so
 * the old selection-and-copy command is the fallback there.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission refused: try the fallback.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  const focused = document.activeElement as HTMLElement | null;
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } finally {
    area.remove();
    focused?.focus();
  }
  return ok;
}
