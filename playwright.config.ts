import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_PATH_FOR_PLAYWRIGHT } from "./e2e/chromium";
import { TEST_ENCRYPTION_KEYS } from "./lib/testing/test-keys";
import { readEnv } from "./lib/env";

// Started by scripts/test.ts, which provides a migrated and seeded database and a free port.
const config = readEnv();
const port = config.E2E_PORT;
const databaseUrl = config.E2E_DATABASE_URL;
if (!databaseUrl)
  throw new Error(
    "Run the end-to-end tests with `npm test` or `npm run test:e2e`: they need the database those commands prepare.",
  );
const baseURL = `http://localhost:${port}`;

const browser = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: CHROMIUM_PATH_FOR_PLAYWRIGHT,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      // Stops Chromium's background look-ups of outside hosts (there is no internet here).
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
    ],
  },
};

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results/playwright",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(config.CI),
  reporter: [["list"], ["json"]],
  // Generous for a 2-core machine under load; no test depends on timing.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "chromium", testIgnore: /system\//, use: browser },
    // Fuzzing, concurrency and fault tests write a great deal: they run after the user-facing tests.
    { name: "system", testMatch: /system\/.*\.spec\.ts/, dependencies: ["chromium"], use: browser },
  ],
  webServer: {
    // The app's own HTTP server in front of Next.js, as `npm start` runs it.
    command: `node --import tsx scripts/serve.ts`,
    url: `${baseURL}/api/health`,
    timeout: 60_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: "e2e-secret-0123456789abcdef0123456789",
      // The keyring scripts/test.ts seeded the database with.
      RW_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS,
      RW_DEMO_MODE: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      // Lets e2e tests set the server's clock per request with the `rw-test-now` cookie (lib/clock.ts).
      // Never set in production.
      RW_TEST_CLOCK: "1",
    },
  },
});
