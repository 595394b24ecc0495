import { existsSync } from "node:fs";
import { readEnv } from "../lib/env.ts";

/** Debian's Chromium when present (no browser download needed), else Playwright's own. */
export const CHROMIUM_PATH_FOR_PLAYWRIGHT: string | undefined = [
  readEnv().CHROMIUM_PATH,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
].find((p): p is string => Boolean(p && existsSync(p)));
