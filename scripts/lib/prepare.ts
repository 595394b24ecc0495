/** Steps shared by `npm start` and `npm test`: generate the Prisma client and build the app when stale. */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./demo-database.ts";
import { BUILD_INPUTS, PRISMA_INPUTS, isFresh, markFresh, sourceFingerprint } from "./build-stamp.ts";
import { bin, mustRun } from "./exec.ts";

export const BASE_ENV = { NEXT_TELEMETRY_DISABLED: "1" };

/** Generates the Prisma client unless schema.prisma is unchanged since the last generation. */
export async function generatePrismaClient(): Promise<void> {
  mkdirSync(path.join(ROOT, ".next"), { recursive: true });
  const fp = sourceFingerprint(PRISMA_INPUTS);
  if (isFresh("prisma", fp, "lib/generated/prisma/client.ts")) return;
  await mustRun(bin("prisma"), ["generate"], {
    env: { ...process.env, ...BASE_ENV },
    stdio: ["ignore", "ignore", "inherit"],
  });
  markFresh("prisma", fp);
}

/** Builds the production app unless nothing it depends on has changed since the last build. */
export async function buildIfStale(log: (m: string) => void): Promise<void> {
  const fp = sourceFingerprint(BUILD_INPUTS);
  if (isFresh("build", fp, ".next/BUILD_ID")) {
    log("Build is up to date.");
    return;
  }
  log("Building the app (first start, or the sources changed)…");
  const started = Date.now();
  await mustRun(bin("next"), ["build"], { env: { ...process.env, ...BASE_ENV } });
  markFresh("build", fp);
  log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
