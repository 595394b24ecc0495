/**
 * Decides whether the Next.js build and the generated Prisma client are up to date, so that a
 * restart skips the build (and stays well under 10 s) while any change to the sources rebuilds.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./demo-database.ts";

/** What `next build` reads. */
export const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "prisma/schema.prisma",
  "prisma/seed",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "package.json",
  "proxy.ts",
];
const SKIP = new Set(["generated", "node_modules"]);

function collect(p: string, out: string[]): void {
  if (!existsSync(p)) return;
  const st = statSync(p);
  if (st.isDirectory()) {
    for (const name of readdirSync(p).sort()) if (!SKIP.has(name)) collect(path.join(p, name), out);
  } else {
    out.push(`${path.relative(ROOT, p)}:${st.size}:${st.mtimeMs}`);
  }
}

/** What `prisma generate` reads. */
export const PRISMA_INPUTS = ["prisma/schema.prisma", "prisma.config.ts", "package-lock.json"];

/** A fingerprint of the given files and folders (paths, sizes and modification times). */
export function sourceFingerprint(inputs: readonly string[]): string {
  const files: string[] = [];
  for (const input of inputs) collect(path.join(ROOT, input), files);
  return createHash("sha256").update(files.join("\n")).digest("hex");
}

const stampFile = (name: string) => path.join(ROOT, ".next", `rw-${name}.stamp`);

export function isFresh(name: string, fingerprint: string, output: string): boolean {
  return (
    existsSync(path.join(ROOT, output)) &&
    existsSync(stampFile(name)) &&
    readFileSync(stampFile(name), "utf8") === fingerprint
  );
}

export function markFresh(name: string, fingerprint: string): void {
  writeFileSync(stampFile(name), fingerprint);
}
