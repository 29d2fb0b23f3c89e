import Database from 'better-sqlite3';

// Under Node (tests, CLI, serve) better-sqlite3 loads its own Node-ABI build. The
// Electron door sets an Electron-ABI build of the same addon here before anything
// opens a database, so both builds coexist (see README: native addon).
let nativeBinding: string | undefined = process.env.KARTOTEKA_SQLITE_BINDING || undefined;

export function setNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}

/** The addon path in use, handed to worker threads that open their own connections. */
export function currentNativeBinding(): string | undefined {
  return nativeBinding;
}

export function openSqlite(path: string, options: { readonly?: boolean; fileMustExist?: boolean } = {}): Database.Database {
  return new Database(path, { ...options, ...(nativeBinding ? { nativeBinding } : {}) });
}
