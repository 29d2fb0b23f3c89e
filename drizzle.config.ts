import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the drizzle schema into migrations/ and applied
// at workspace open by src-main/core/db/migrate.ts (not by drizzle-kit push).
export default defineConfig({
  dialect: 'sqlite',
  schema: './src-main/core/db/schema.ts',
  out: './migrations',
});
