import { readFileSync, realpathSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';

// SQLite's locking is not reliable over SMB/NFS: a live workspace on a share can be
// corrupted by two PCs at once. We detect the common cases and warn; backups may go
// to a share (they are written once and never locked).

const NETWORK_FS = new Set(['nfs', 'nfs4', 'cifs', 'smb3', 'smbfs', 'afpfs', 'webdav', 'davfs', 'ncpfs', '9p', 'afs', 'ceph', 'glusterfs', 'lustre', 'gpfs']);
const NETWORK_FUSE = /^fuse\.(sshfs|rclone|davfs2?|s3fs|gcsfuse|smbnetfs|curlftpfs|glusterfs)$/;

export function isNetworkFsType(type: string): boolean {
  return NETWORK_FS.has(type) || NETWORK_FUSE.test(type);
}

export interface Mount {
  point: string;
  type: string;
}

/** /proc/mounts lines ("dev point type opts 0 0"); spaces in paths come as \040. */
export function parseProcMounts(text: string): Mount[] {
  return text
    .split('\n')
    .map((l) => l.split(' '))
    .filter((f) => f.length >= 3)
    .map((f) => ({ point: f[1]!.replace(/\\040/g, ' ').replace(/\\011/g, '\t'), type: f[2]! }));
}

/** macOS `mount` output: "//user@server/share on /Volumes/share (smbfs, nodev, …)". */
export function parseMacMounts(text: string): Mount[] {
  const out: Mount[] = [];
  for (const line of text.split('\n')) {
    const m = / on (.+) \(([^,)]+)/.exec(line);
    if (m) out.push({ point: m[1]!, type: m[2]! });
  }
  return out;
}

/** The mount holding `path`: the longest mount point that is a prefix of it. */
export function mountOf(path: string, mounts: Mount[]): Mount | undefined {
  let best: Mount | undefined;
  for (const m of mounts) {
    const prefix = m.point.endsWith('/') ? m.point : m.point + '/';
    if ((path === m.point || path.startsWith(prefix)) && (!best || m.point.length > best.point.length)) best = m;
  }
  return best;
}

function systemMounts(platform: NodeJS.Platform): Mount[] {
  try {
    if (platform === 'linux') return parseProcMounts(readFileSync('/proc/mounts', 'utf8'));
    if (platform === 'darwin') return parseMacMounts(execFileSync('/sbin/mount', { encoding: 'utf8', timeout: 3000 }));
  } catch {
    // Unknown: we only warn on what we can see.
  }
  return [];
}

/**
 * True when `path` is on a network share: a UNC path (\\server\share, also as
 * \\?\UNC\…) on Windows, or a folder mounted from a network file system on Linux
 * and macOS. Mapped drive letters on Windows are not recognised (that needs a
 * Win32 call); the README tells users to keep the workspace on a local disk.
 */
export function isOnNetworkShare(path: string, platform: NodeJS.Platform = process.platform, mounts?: Mount[]): boolean {
  if (/^(\\\\|\/\/)(\?\\UNC\\|[^\\/?.]+[\\/])/i.test(path)) return true;
  if (platform === 'win32') return false;
  let real = resolve(path);
  try {
    real = realpathSync(dirname(real));
  } catch {
    real = dirname(real);
  }
  const m = mountOf(real, mounts ?? systemMounts(platform));
  return !!m && isNetworkFsType(m.type);
}
