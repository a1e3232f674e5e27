import { defineConfig } from "drizzle-kit";

// One schema and one set of migrations serve both PGlite and PostgreSQL.
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema/index.ts",
  out: "./lib/db/migrations",
});
