import { existsSync } from "node:fs";

/** Debian's Chromium when present (no browser download needed), else Playwright's own. */
export const CHROMIUM_PATH_FOR_PLAYWRIGHT: string | undefined = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (p): p is string => Boolean(p && existsSync(p)),
);
