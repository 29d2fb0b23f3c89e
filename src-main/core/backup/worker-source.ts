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
  const manifest = Object.assign({}, job.manifest, { file: path.basename(finalPath), size, rawSize, counts: sourceCounts });
  const manifestTmp = job.manifestPath + '.partial';
  fs.writeFileSync(manifestTmp, JSON.stringify(manifest, null, 2));
  fsyncFile(manifestTmp);
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
  fsyncFile(tmp);
  progress('verify', 0, 1);
  const db = open(tmp);
  try {
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
    const partials = job.kind === 'unpack' ? [job.dest] : [job.rawPath + '.partial', job.gzPath + '.partial', job.manifestPath + '.partial'];
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
