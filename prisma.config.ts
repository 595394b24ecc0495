import { defineConfig } from "prisma/config";

// The CLI checks for (and tries to download) its native schema engine before anything else.
// `generate`, `validate` and `format` never use it, and this machine has no internet, so point
// the check at an existing file. Migrations run through the WebAssembly engine (scripts/db-*.ts).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
