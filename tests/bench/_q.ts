import Database from 'better-sqlite3';
const db = new Database(process.argv[2]!);
for (const sql of process.argv.slice(3)) { const t=performance.now(); const r = db.prepare(sql).all(); console.log(sql, (performance.now()-t).toFixed(1)+'ms'); console.table(r.slice(0,30)); }
