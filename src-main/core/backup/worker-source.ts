// The snapshot job runs in a worker thread with its own SQLite connection, so the
// serving thread keeps answering searches while a large workspace is copied.
//
// It is plain CommonJS source evaluated with `new Worker(code, { eval: true })`
// rather than a .ts file: the same string runs under tsx (CLI, tests), under
// `serve`, and inside the esbuild bundle of the desktop app, none of which agree
// on where a worker file would live. Keep it small; the logic it needs is all here.
//
// Steps: read-only connection to the live file -> BEGIN (pins one WAL snapshot) ->
// row counts -> online backup API into <final>.partial (held inside the same read
// transaction, so writers in other processes neither restart nor skew it) -> switch
// the copy to a self-contained rollback journal -> integrity_check + row counts
// equal -> optional gzip (kept only if it saves at least a fifth), re-read and
// compared by SHA-256 -> fsync -> manifest, then rename into place.

export const SNAPSHOT_WORKER_SOURCE = String.raw`
const { workerData } = require('node:worker_threads');
const port = workerData.port;
const signal = new Int32Array(workerData.signal);
const post = (m) => port.postMessage(m);
const finish = () => { Atomics.store(signal, 0, 1); Atomics.notify(signal, 0); };
try {
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const crypto = require('node:crypto');
const { pipeline } = require('node:stream/promises');
const { Transform } = require('node:stream');
const Database = require(workerData.modulePath);
const job = workerData.job;

const open = (file, opts) => new Database(file, Object.assign({}, opts, workerData.binding ? { nativeBinding: workerData.binding } : {}));
const progress = (phase, done, total) => post({ type: 'progress', phase, done, total });

function counts(db) {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
    .all();
  const out = {};
  for (const t of tables) out[t.name] = db.prepare('SELECT count(*) AS n FROM "' + t.name.replace(/"/g, '""') + '"').get().n;
  return out;
}

function fsyncFile(file) {
  const fd = fs.openSync(file, 'r+');
  try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
}

function fsyncDir(dir) {
  // Makes the rename durable; directories cannot be opened on Windows, where NTFS
  // journals the rename itself.
  try { const fd = fs.openSync(dir, 'r'); try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); } } catch {}
}

class VerifyError extends Error {}

// Page-level incremental backups. A backup in the rotation keeps <id>.pages: one
// 20-byte SHA-1 per database page of the copy. The next backup reads the live file's
// pages inside a read transaction that sees no WAL (so the file on disk *is* that
// snapshot), hashes them and keeps only the pages whose hash differs: <id>.kdelta =
// header + (page number, page) records. Restoring one = its chain's full backup plus
// every delta in order; each link is checked by SHA-256 before anything is written.
const HASH = 20;
const DELTA_MAGIC = Buffer.from('KDELTA1\0', 'latin1');
const CHUNK = 1 << 20;

function pageHash(buf, start, size) {
  return crypto.createHash('sha1').update(buf.subarray(start, start + size)).digest();
}

/** Hashes of every page of a plain database file. */
function hashFilePages(file, pageSize) {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const pages = Math.floor(size / pageSize);
    const out = Buffer.alloc(pages * HASH);
    const buf = Buffer.alloc(Math.max(CHUNK, pageSize));
    for (let pos = 0; pos < pages * pageSize; ) {
      const n = fs.readSync(fd, buf, 0, Math.min(buf.length, pages * pageSize - pos), pos);
      for (let off = 0; off + pageSize <= n; off += pageSize) pageHash(buf, off, pageSize).copy(out, ((pos + off) / pageSize) * HASH);
      pos += n - (n % pageSize);
      if (n === 0) break;
    }
    return out;
  } finally {
    fs.closeSync(fd);
  }
}

function writeSynced(file, data) {
  const fd = fs.openSync(file, 'w');
  try { fs.writeSync(fd, data); fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
}

/**
 * A read transaction in which the database file alone holds the snapshot: the WAL
 * is folded in (TRUNCATE checkpoint) and is still empty once the transaction has
 * begun; while it is held no checkpoint can write into the file. Null when writers
 * kept the WAL busy: the caller takes a full backup instead.
 */
function pinFileSnapshot(db, source) {
  // Short waits: under a steady stream of writes a full backup is cheaper than waiting.
  db.pragma('busy_timeout = 300');
  for (let attempt = 0; attempt < 4; attempt++) {
    // The session folded the WAL just before: usually no checkpoint is needed here.
    if (attempt > 0) db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('BEGIN');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    let wal = 0;
    try { wal = fs.statSync(source + '-wal').size; } catch {}
    if (wal === 0) return true;
    db.exec('COMMIT');
  }
  return false;
}

async function runDelta() {
  const parent = job.parent;
  const deltaTmp = job.deltaPath + '.partial';
  const pagesTmp = job.pagesPath + '.partial';
  const db = open(job.source, { fileMustExist: true });
  let sourceCounts, pageSize, pageCount, changed = [], hashes;
  try {
    if (!pinFileSnapshot(db, job.source)) return null;
    try {
      pageSize = db.pragma('page_size', { simple: true });
      pageCount = db.pragma('page_count', { simple: true });
      if (pageSize !== parent.pageSize) return null;
      sourceCounts = counts(db);
      const before = fs.readFileSync(parent.pagesPath);
      hashes = Buffer.alloc(pageCount * HASH);
      const fd = fs.openSync(job.source, 'r');
      try {
        const buf = Buffer.alloc(Math.max(CHUNK, pageSize));
        for (let pos = 0; pos < pageCount * pageSize; ) {
          const n = fs.readSync(fd, buf, 0, Math.min(buf.length, pageCount * pageSize - pos), pos);
          if (n < pageSize) throw new Error('the workspace file is shorter than its page count');
          for (let off = 0; off + pageSize <= n; off += pageSize) {
            const pgno = (pos + off) / pageSize + 1;
            const h = pageHash(buf, off, pageSize);
            h.copy(hashes, (pgno - 1) * HASH);
            const at = (pgno - 1) * HASH;
            if (at + HASH > before.length || before.compare(h, 0, HASH, at, at + HASH) !== 0) {
              changed.push(pgno, Buffer.from(buf.subarray(off, off + pageSize)));
            }
          }
          pos += n - (n % pageSize);
          progress('copy', pos, pageCount * pageSize);
        }
      } finally {
        fs.closeSync(fd);
      }
    } finally {
      db.exec('COMMIT');
    }
  } finally {
    db.close();
  }
  // Header: magic, page size, page count after applying, number of records.
  const n = changed.length / 2;
  const out = Buffer.alloc(DELTA_MAGIC.length + 12 + n * (4 + pageSize));
  DELTA_MAGIC.copy(out, 0);
  out.writeUInt32BE(pageSize, 8);
  out.writeUInt32BE(pageCount, 12);
  out.writeUInt32BE(n, 16);
  for (let i = 0, at = 20; i < changed.length; i += 2, at += 4 + pageSize) {
    out.writeUInt32BE(changed[i], at);
    changed[i + 1].copy(out, at + 4);
  }
  const sha = crypto.createHash('sha256').update(out).digest('hex');
  writeSynced(deltaTmp, out);
  writeSynced(pagesTmp, hashes);
  // Read back from disk: the file's digest, and every page against the hash it was taken with.
  progress('verify', 0, 1);
  const back = fs.readFileSync(deltaTmp);
  if (crypto.createHash('sha256').update(back).digest('hex') !== sha) throw new VerifyError('the incremental backup does not read back identical');
  for (let i = 0, at = 20; i < n; i++, at += 4 + pageSize) {
    const pgno = back.readUInt32BE(at);
    if (!pageHash(back, at + 4, pageSize).equals(hashes.subarray((pgno - 1) * HASH, pgno * HASH))) throw new VerifyError('page ' + pgno + ' of the incremental backup reads back different');
  }
  progress('verify', 1, 1);
  const manifest = Object.assign({}, job.manifest, {
    file: path.basename(job.deltaPath), size: back.length, rawSize: pageCount * pageSize, counts: sourceCounts,
    kind: 'incremental', parent: parent.id, chainLength: parent.chainLength + 1, sha256: sha, pageSize, pageCount, changedPages: n,
  });
  const manifestTmp = job.manifestPath + '.partial';
  writeSynced(manifestTmp, JSON.stringify(manifest, null, 2));
  fs.renameSync(pagesTmp, job.pagesPath);
  fs.renameSync(deltaTmp, job.deltaPath);
  fs.renameSync(manifestTmp, job.manifestPath);
  fsyncDir(path.dirname(job.manifestPath));
  return manifest;
}

/** Checks every link of a chain by its recorded SHA-256 before a single page is applied. */
function readChain(chain) {
  return chain.map((link) => {
    let data;
    try { data = fs.readFileSync(link.path); } catch { throw new VerifyError('the incremental backup ' + link.id + ' is missing'); }
    if (crypto.createHash('sha256').update(data).digest('hex') !== link.sha256 || !data.subarray(0, 8).equals(DELTA_MAGIC)) {
      throw new VerifyError('the incremental backup ' + link.id + ' is damaged (it does not match the digest recorded when it was verified)');
    }
    return data;
  });
}

function applyDelta(file, data) {
  const pageSize = data.readUInt32BE(8);
  const pageCount = data.readUInt32BE(12);
  const n = data.readUInt32BE(16);
  const fd = fs.openSync(file, 'r+');
  try {
    for (let i = 0, at = 20; i < n; i++, at += 4 + pageSize) fs.writeSync(fd, data, at + 4, pageSize, (data.readUInt32BE(at) - 1) * pageSize);
    fs.ftruncateSync(fd, pageCount * pageSize);
  } finally {
    fs.closeSync(fd);
  }
}

async function sha256(file) {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

async function gzipWithHash(src, dest) {
  const hash = crypto.createHash('sha256');
  const total = fs.statSync(src).size;
  let done = 0;
  const tap = new Transform({
    transform(chunk, _enc, cb) {
      hash.update(chunk);
      done += chunk.length;
      progress('compress', done, total);
      cb(null, chunk);
    },
  });
  await pipeline(fs.createReadStream(src, { highWaterMark: 1 << 20 }), tap, zlib.createGzip({ level: job.gzipLevel }), fs.createWriteStream(dest));
  return hash.digest('hex');
}

async function gunzipHash(file) {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file, { highWaterMark: 1 << 20 }), zlib.createGunzip(), hash);
  return hash.digest('hex');
}

async function run() {
  if (job.parent) {
    const m = await runDelta();
    if (m) return m;
    for (const f of [job.deltaPath + '.partial', job.pagesPath + '.partial']) fs.rmSync(f, { force: true });
  }
  const raw = job.rawPath + '.partial';
  const gz = job.gzPath + '.partial';
  for (const f of [raw, gz, raw + '-journal']) fs.rmSync(f, { force: true });
  fs.mkdirSync(path.dirname(job.rawPath), { recursive: true });

  const src = open(job.source, { readonly: true, fileMustExist: true });
  let sourceCounts;
  try {
    src.pragma('busy_timeout = 10000');
    src.exec('BEGIN');
    sourceCounts = counts(src);
    await src.backup(raw, {
      progress({ totalPages, remainingPages }) {
        progress('copy', totalPages - remainingPages, totalPages);
        return 4096;
      },
    });
    src.exec('COMMIT');
  } finally {
    src.close();
  }

  progress('verify', 0, 1);
  const copy = open(raw);
  try {
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new VerifyError('integrity check of the copy: ' + check);
    const copyCounts = counts(copy);
    for (const table of Object.keys(sourceCounts)) {
      if (copyCounts[table] !== sourceCounts[table]) {
        throw new VerifyError('table ' + table + ' has ' + copyCounts[table] + ' rows in the copy, ' + sourceCounts[table] + ' in the workspace');
      }
    }
  } finally {
    copy.close();
  }
  fsyncFile(raw);
  progress('verify', 1, 1);
  let pageSize = 0;
  if (job.pagesPath) {
    const probe = open(raw, { readonly: true });
    try { pageSize = probe.pragma('page_size', { simple: true }); } finally { probe.close(); }
    writeSynced(job.pagesPath + '.partial', hashFilePages(raw, pageSize));
  }

  const rawSize = fs.statSync(raw).size;
  let finalPath = job.rawPath;
  let tmp = raw;
  if (job.compress) {
    const hash = await gzipWithHash(raw, gz);
    const gzSize = fs.statSync(gz).size;
    if (gzSize <= rawSize * 0.8) {
      fsyncFile(gz);
      progress('verify', 0, 1);
      if ((await gunzipHash(gz)) !== hash) throw new VerifyError('the compressed copy does not read back identical');
      fs.rmSync(raw, { force: true });
      finalPath = job.gzPath;
      tmp = gz;
    } else {
      fs.rmSync(gz, { force: true });
    }
  }
  const size = fs.statSync(tmp).size;
  const manifest = Object.assign({}, job.manifest, { file: path.basename(finalPath), size, rawSize, counts: sourceCounts, kind: 'full', chainLength: 0, pageSize });
  const manifestTmp = job.manifestPath + '.partial';
  fs.writeFileSync(manifestTmp, JSON.stringify(manifest, null, 2));
  fsyncFile(manifestTmp);
  if (job.pagesPath) fs.renameSync(job.pagesPath + '.partial', job.pagesPath);
  fs.renameSync(manifestTmp, job.manifestPath);
  fs.renameSync(tmp, finalPath);
  fsyncDir(path.dirname(finalPath));
  return manifest;
}

// Restore side: a backup (gzip or plain) written out as a workspace file under a
// temporary name, fsynced and checked before anyone renames it over a workspace.
async function unpack() {
  const tmp = job.dest;
  fs.rmSync(tmp, { force: true });
  const deltas = readChain(job.chain || []);
  const total = fs.statSync(job.backup).size;
  let done = 0;
  const tap = new Transform({
    transform(chunk, _enc, cb) {
      done += chunk.length;
      progress('copy', done, total);
      cb(null, chunk);
    },
  });
  const stages = [fs.createReadStream(job.backup, { highWaterMark: 1 << 20 }), tap];
  if (job.backup.endsWith('.gz')) stages.push(zlib.createGunzip());
  stages.push(fs.createWriteStream(tmp));
  await pipeline(stages);
  for (const d of deltas) applyDelta(tmp, d);
  fsyncFile(tmp);
  progress('verify', 0, 1);
  const db = open(tmp);
  try {
    // A chain's last link carries the live file's WAL mode in its first page.
    if (deltas.length) db.pragma('journal_mode = DELETE');
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new VerifyError('integrity check of the backup: ' + check);
    const now = counts(db);
    for (const table of Object.keys(job.expectCounts || {})) {
      if (now[table] !== job.expectCounts[table]) throw new VerifyError('table ' + table + ' has ' + now[table] + ' rows, the backup recorded ' + job.expectCounts[table]);
    }
    return { counts: now };
  } finally {
    db.close();
  }
}

(job.kind === 'unpack' ? unpack() : run()).then(
  (manifest) => post({ type: 'done', manifest }),
  (e) => {
    const partials = job.kind === 'unpack' ? [job.dest] : [job.rawPath + '.partial', job.gzPath + '.partial', job.manifestPath + '.partial'].concat(job.pagesPath ? [job.pagesPath + '.partial'] : [], job.deltaPath ? [job.deltaPath + '.partial'] : []);
    for (const f of partials) {
      try { fs.rmSync(f, { force: true }); } catch {}
    }
    post({ type: 'error', verify: e instanceof VerifyError, message: e && e.message ? e.message : String(e) });
  },
).finally(finish);
} catch (e) {
  post({ type: 'error', verify: false, message: e && e.message ? e.message : String(e) });
  finish();
}
`;
