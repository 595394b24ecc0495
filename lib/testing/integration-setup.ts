import { TEST_ENCRYPTION_KEYS } from "./test-keys";

/**
 * Integration tests run against a real PostgreSQL that `npm test` (scripts/test.ts) starts and
 * migrates, never the demo database. Refuse to run anywhere else.
 */
const url = process.env.TEST_DATABASE_URL;
if (!url) {
  throw new Error(
    "Integration tests need TEST_DATABASE_URL: run them with `npm test` (or `npm run test:integration`), which starts a throwaway PostgreSQL.",
  );
}
const host = new URL(url).hostname;
if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
  throw new Error(`Refusing to run integration tests against a non-local database (${host}).`);
}
process.env.DATABASE_URL = url;
process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";
// Always the test keys: the tests must never encrypt with (or need) real ones from the shell.
process.env.RW_ENCRYPTION_KEYS = TEST_ENCRYPTION_KEYS;
