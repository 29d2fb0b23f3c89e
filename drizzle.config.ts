import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the drizzle schema into migrations/ and applied
// at workspace open by src-main/core/db/migrate.ts (not by drizzle-kit push).
export default defineConfig({
  dialect: 'sqlite',
  // Each capability keeps its own tables in src-main/core/<capability>/tables.ts so
  // parallel work on capabilities does not collide in one schema file.
  schema: ['./src-main/core/db/schema.ts', './src-main/core/*/tables.ts'],
  out: './migrations',
});
