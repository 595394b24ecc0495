import { readEnv } from "../../lib/env.ts";

/**
 * Runs a command-line script's main function, prints a failure as one readable line (plus the stack
 * when DEBUG is set), and exits. The explicit exit matters: Prisma's WebAssembly schema engine
 * leaves a 10-second timer behind, which would otherwise keep short scripts alive.
 */
export function runScript(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`\nError: ${message}`);
      if (debugWanted() && error instanceof Error) console.error(error.stack);
      process.exit(1);
    },
  );
}

/** DEBUG is set (and the environment is valid: when it is not, that is the error being printed). */
function debugWanted(): boolean {
  try {
    return Boolean(readEnv().DEBUG);
  } catch {
    return false;
  }
}
