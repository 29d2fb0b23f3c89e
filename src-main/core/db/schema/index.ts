// Every drizzle table of the workspace, one file per capability. `Db` (db/open.ts) is
// typed from this module, and drizzle-kit reads this folder (drizzle.config.ts) to
// generate migrations. What drizzle cannot express (FTS5 tables, triggers, views,
// expression indexes, seed rows) lives only in SQL migrations: see ../README.md.
export * from './meta';
export * from './users';
export * from './clients';
export * from './tags';
export * from './custom-fields';
export * from './history';
export * from './deals';
export * from './tasks';
export * from './exchange';
export * from './reports';
export * from './audit';
export * from './receivables';
