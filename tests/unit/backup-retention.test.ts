import { describe, expect, it } from 'vitest';
import { backupsToPrune, DEFAULT_RETENTION } from '../../src-main/core/backup/retention';
import { isOnNetworkShare, parseMacMounts, parseProcMounts } from '../../src-main/core/backup/network';

const HOUR = 3600_000;

/** Hourly backups over `hours` of simulated time, pruned after each one as the app does. */
function simulate(start: Date, hours: number, policy = DEFAULT_RETENTION, skip: (at: Date) => boolean = () => false) {
  let kept: { id: string; createdAt: string }[] = [];
  let now = start;
  for (let h = 0; h < hours; h++) {
    now = new Date(start.getTime() + h * HOUR);
    if (skip(now)) continue;
    kept.push({ id: `b${h}`, createdAt: now.toISOString() });
    const gone = new Set(backupsToPrune(kept, now, policy).map((b) => b.id));
    kept = kept.filter((b) => !gone.has(b.id));
  }
  return { kept: kept.sort((a, b) => b.createdAt.localeCompare(a.createdAt)), now };
}

describe('retention over simulated months', () => {
  it('keeps every backup of the last day, one a day for 30 days, one a month for a year', () => {
    const { kept, now } = simulate(new Date('2025-01-01T00:00:00Z'), 24 * 400); // ~13 months of hourly backups
    const age = (b: { createdAt: string }) => now.getTime() - Date.parse(b.createdAt);
    const lastDay = kept.filter((b) => age(b) < 24 * HOUR);
    expect(lastDay).toHaveLength(24);
    const days = new Set(kept.filter((b) => age(b) < 30 * 24 * HOUR).map((b) => b.createdAt.slice(0, 10)));
    expect(days.size).toBeGreaterThanOrEqual(30);
    const months = new Set(kept.map((b) => b.createdAt.slice(0, 7)));
    expect(months.size).toBe(12);
    // Nothing older than the year of monthlies survives.
    expect(kept.every((b) => age(b) < 366 * 24 * HOUR)).toBe(true);
    // Bounded: 24 + ~30 + 12, not 9,600.
    expect(kept.length).toBeLessThanOrEqual(24 + 31 + 12);
    // The newest is kept.
    expect(kept[0]!.createdAt).toBe(now.toISOString());
  });

  it('one backup per day kept is the newest of that day', () => {
    const { kept, now } = simulate(new Date('2025-05-01T00:00:00Z'), 24 * 10);
    const older = kept.filter((b) => now.getTime() - Date.parse(b.createdAt) >= 24 * HOUR);
    for (const b of older) expect(b.createdAt.slice(11, 13)).toBe('23');
  });

  it('never deletes the newest backup, even when the policy keeps nothing and it is old', () => {
    const zero = { keepAllHours: 0, dailyDays: 0, monthlyMonths: 0 };
    const backups = [
      { id: 'old', createdAt: '2020-01-01T00:00:00.000Z' },
      { id: 'older', createdAt: '2019-01-01T00:00:00.000Z' },
    ];
    expect(backupsToPrune(backups, new Date('2026-01-01T00:00:00Z'), zero).map((b) => b.id)).toEqual(['older']);
  });

  it('a PC switched off for weeks keeps its last backups instead of a gap of nothing', () => {
    // Used in January, off from February 1st to March 15th.
    const off = (at: Date) => at >= new Date('2025-02-01T00:00:00Z') && at < new Date('2025-03-15T00:00:00Z');
    const { kept } = simulate(new Date('2025-01-01T00:00:00Z'), 24 * 80, DEFAULT_RETENTION, off);
    expect(kept.some((b) => b.createdAt.startsWith('2025-01-31'))).toBe(true);
  });

  it('a custom policy is honoured', () => {
    const { kept } = simulate(new Date('2025-01-01T00:00:00Z'), 24 * 90, { keepAllHours: 2, dailyDays: 7, monthlyMonths: 0 });
    expect(kept.length).toBeLessThanOrEqual(2 + 7);
    expect(kept.length).toBeGreaterThanOrEqual(7);
  });
});

describe('network share detection', () => {
  it('recognises UNC paths', () => {
    expect(isOnNetworkShare('\\\\server\\office\\crm.kdb', 'win32')).toBe(true);
    expect(isOnNetworkShare('\\\\?\\UNC\\server\\office\\crm.kdb', 'win32')).toBe(true);
    expect(isOnNetworkShare('C:\\Users\\anna\\crm.kdb', 'win32')).toBe(false);
  });

  it('recognises network mounts on Linux from /proc/mounts', () => {
    const mounts = parseProcMounts(
      [
        '/dev/sda1 / ext4 rw,relatime 0 0',
        '//nas/office /mnt/office cifs rw,vers=3.0 0 0',
        'nas:/export /home/anna/nfs\\040share nfs4 rw 0 0',
        'anna@host:/srv /home/anna/remote fuse.sshfs rw 0 0',
      ].join('\n'),
    );
    expect(isOnNetworkShare('/mnt/office/crm/crm.kdb', 'linux', mounts)).toBe(true);
    expect(isOnNetworkShare('/home/anna/nfs share/crm.kdb', 'linux', mounts)).toBe(true);
    expect(isOnNetworkShare('/home/anna/remote/crm.kdb', 'linux', mounts)).toBe(true);
    expect(isOnNetworkShare('/home/anna/crm.kdb', 'linux', mounts)).toBe(false);
    expect(isOnNetworkShare('/mnt/officex/crm.kdb', 'linux', mounts)).toBe(false);
  });

  it('recognises SMB, AFP and NFS volumes on macOS', () => {
    const mounts = parseMacMounts(
      [
        '/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)',
        '//anna@nas._smb._tcp.local/office on /Volumes/office (smbfs, nodev, nosuid, mounted by anna)',
      ].join('\n'),
    );
    expect(isOnNetworkShare('/Volumes/office/crm.kdb', 'darwin', mounts)).toBe(true);
    expect(isOnNetworkShare('/Users/anna/crm.kdb', 'darwin', mounts)).toBe(false);
  });
});
