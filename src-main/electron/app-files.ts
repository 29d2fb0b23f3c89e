import nodePath from 'node:path';

// Which file of dist-renderer/ an app://kartoteka/ URL names, as a pure function of
// the URL's path, so the unit tests run every traversal payload, with Windows path
// rules too (pass path.win32), without Electron.

export type PathApi = Pick<typeof nodePath, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

export type AppFile = { ok: true; file: string } | { ok: false; status: 400 | 403 };

/** CON, NUL, COM1, LPT1…: on Windows these open devices in any folder, whatever the extension. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * The file under `root` that `pathname` (a URL path, still %-encoded) names, or why
 * not: 400 for a malformed escape or a NUL byte, 403 for anything that could leave
 * the folder or reach beyond plain files: `..` in any spelling (`%2e%2e`, `..%2f`,
 * `..\`, `%5c`), a drive letter or an NTFS stream (any `:`), a device name. Both `/`
 * and `\` separate segments and empty segments are dropped, so `//server/share` and
 * `\\server\share` stay inside the folder as plain relative names.
 */
export function resolveAppFile(root: string, pathname: string, path: PathApi = nodePath): AppFile {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (rel.includes('\0')) return { ok: false, status: 400 };
  const segments = rel.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..' || s.includes(':') || WINDOWS_DEVICE.test(s.trim()))) return { ok: false, status: 403 };
  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  // Belt and braces: whatever the rules above missed must still land inside root.
  const inside = path.relative(base, file);
  if (inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) return { ok: false, status: 403 };
  return { ok: true, file };
}
