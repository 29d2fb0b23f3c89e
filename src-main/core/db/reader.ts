import type Database from 'better-sqlite3';
import { openSqlite } from './driver';
import { registerFunctions } from './functions';

/** SQLite's own ceiling for a memory map (SQLITE_MAX_MMAP_SIZE): the first 2 GB of the file. */
const MMAP_BYTES = 0x7fff0000;

/**
 * The connection reports read through: read-only, and reading the file through a memory
 * map instead of copying every page from the OS cache into SQLite's. A year's report
 * reads hundreds of MB of index pages, and those copies were a third of its time at
 * 200,000 clients (churn's own SQL 314 → 196 ms, abc's 163 → 73 ms). It is a connection of
 * its own so the map stays with the reports: the interactive one keeps its 64 MB page
 * cache and its small resident memory (mapped pages count there once touched). SQLite's
 * caveat — an I/O error on a mapped page ends the process instead of failing one
 * statement — adds no new case: WAL already needs the file on a local disk. A 32-bit
 * process reads without the map (its address space cannot spare 2 GB). WAL lets it read
 * the last commit while the other connection writes.
 */
export function openReader(path: string): Database.Database {
  const sqlite = openSqlite(path, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('cache_size = -16384');
    if (process.arch === 'x64' || process.arch === 'arm64') sqlite.pragma(`mmap_size = ${MMAP_BYTES}`);
    registerFunctions(sqlite);
    return sqlite;
  } catch (e) {
    sqlite.close();
    throw e;
  }
}
