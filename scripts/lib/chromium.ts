import { CHROMIUM_PATH_FOR_PLAYWRIGHT } from "../../e2e/chromium.ts";

/** The Chromium the end-to-end tests will drive, or null when none is installed. */
export function chromiumPath(): string | null {
  return CHROMIUM_PATH_FOR_PLAYWRIGHT ?? null;
}

export const CHROMIUM_MISSING = `No Chromium found for the end-to-end tests.
  On Debian/Ubuntu:   sudo apt-get install -y chromium      (then run npm test again)
  Elsewhere:          set CHROMIUM_PATH=/path/to/chrome-or-chromium,
                      or, with internet, npx playwright install chromium`;
