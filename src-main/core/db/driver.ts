import Database from 'better-sqlite3';

// Under Node (tests, CLI, serve) better-sqlite3 loads its own Node-ABI build. The
// Electron door sets an Electron-ABI build of the same addon here before anything
// opens a database, so both builds coexist (see README: native addon).
let nativeBinding: string | undefined = process.env.KARTOTEKA_SQLITE_BINDING || undefined;

export function setNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}

export function openSqlite(path: string, options: { readonly?: boolean } = {}): Database.Database {
  return new Database(path, { ...options, ...(nativeBinding ? { nativeBinding } : {}) });
}
