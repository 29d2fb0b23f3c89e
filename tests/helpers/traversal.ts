/**
 * URL paths that try to leave a served folder: plain and %-encoded `..`, backslashes.
 * Both doors that serve the renderer (the HTTP server, the desktop app's app://
 * protocol) are tested against the same list.
 */
export const TRAVERSAL_PAYLOADS = [
  '/../../etc/passwd',
  '/../../../../../../etc/passwd',
  '/..%2f..%2f..%2f..%2fetc%2fpasswd',
  '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
  '/..\\..\\..\\etc\\passwd',
  '/../secret.txt',
  '/..%2fsecret.txt',
  '/../renderer-secret/key.txt',
  '/%2e%2e%2frenderer-secret%2fkey.txt',
];

/** Windows spellings: %5c backslashes, UNC shares, drive letters, NTFS streams, device names. */
export const WINDOWS_PAYLOADS = [
  '/..%5c..%5c..%5cwindows%5cwin.ini',
  '/%2e%2e%5csecret.txt',
  '/..%5Csecret.txt',
  '/%5c%5cserver%5cshare%5csecret.txt',
  '/%5c%5c%3f%5cC:%5cWindows%5cwin.ini',
  '//server/share/secret.txt',
  '/C:/Windows/win.ini',
  '/C:%5cWindows%5cwin.ini',
  '/c:secret.txt',
  '/index.html::$DATA',
  '/assets/app.js:Zone.Identifier',
  '/CON',
  '/nul.txt',
  '/assets/COM1.js',
];
