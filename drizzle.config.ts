import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the drizzle schema into migrations/ and applied
// at workspace open by src-main/core/db/migrate.ts (not by drizzle-kit push).
export default defineConfig({
  dialect: 'sqlite',
  // One file per capability under db/schema/, re-exported by its index (the same
  // module that types Db), so the generated migrations and the queries see one model.
  schema: './src-main/core/db/schema/index.ts',
  out: './migrations',
});
