import { Session } from '../../src-main/core/workspace/session';
import { medianOf } from './measure';
const s = new Session({ skipIntegrityCheck: true });
s.open('/tmp/kb/w200.kdb');
const db = s.workspace.sqlite;
if (process.env.MMAP) db.pragma('mmap_size = ' + process.env.MMAP);
if (process.env.CACHE) db.pragma('cache_size = ' + process.env.CACHE);
const TAG = (db.prepare("select id from tags where name='VIP'").get() as any).id;
const U = (db.prepare("select id from users where name='Сидоров Игорь'").get() as any).id;
const T = (label: string, sql: string, ...p: unknown[]) => {
  const st = db.prepare(sql);
  const plan = db.prepare('EXPLAIN QUERY PLAN ' + sql).all(...p).map((r: any) => r.detail).join(' | ');
  const t = medianOf(3, () => st.all(...p));
  console.log(label.padEnd(28), t.toFixed(2).padStart(8), 'ms  ', plan);
};
const tagIn = `c.seq IN (SELECT c2.seq FROM client_tags t JOIN clients c2 ON c2.id = t.client_id WHERE t.tag_id = ?)`;
const respIn = `c.seq IN (SELECT r.seq FROM clients r WHERE r.responsible_id = ?)`;
const page = (w: string) => `SELECT c.seq FROM clients c WHERE c.archived_at IS NULL AND ${w} ORDER BY c.name_key, c.seq LIMIT 100 OFFSET ?`;
const cnt = (w: string) => `SELECT count(*) n FROM clients c WHERE c.archived_at IS NULL AND ${w}`;
T('count all', `SELECT count(*) n FROM clients c WHERE c.archived_at IS NULL`);
T('count tag exists', cnt(`EXISTS (SELECT 1 FROM client_tags t WHERE t.client_id = c.id AND t.tag_id = ?)`), TAG);
T('count tag in-id', cnt(`c.id IN (SELECT t.client_id FROM client_tags t WHERE t.tag_id = ?)`), TAG);
T('count tag in-seq', cnt(tagIn), TAG);
for (const off of [0, 1000, 10000]) {
  T('page tag exists ' + off, page(`EXISTS (SELECT 1 FROM client_tags t WHERE t.client_id = c.id AND t.tag_id = ?)`), TAG, off);
  T('page tag in-seq ' + off, page(tagIn), TAG, off);
}
T('count resp eq', cnt(`c.responsible_id = ?`), U);
T('count resp in-seq', cnt(respIn), U);
for (const off of [0, 1000, 10000]) {
  T('page resp eq ' + off, page(`c.responsible_id = ?`), U, off);
  T('page resp in-seq ' + off, page(respIn), U, off);
}
s.close();
