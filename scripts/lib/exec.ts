import { spawn, type SpawnOptions } from "node:child_process";
import path from "node:path";
import { ROOT } from "./demo-database.ts";

/** The path of a binary from node_modules/.bin. */
export function bin(name: string): string {
  return path.join(ROOT, "node_modules", ".bin", name);
}

/** Runs a command with inherited output; resolves with its exit code. */
export function run(command: string, args: string[], opts: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", cwd: ROOT, ...opts });
    child.once("error", reject);
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Runs a command and throws when it fails. */
export async function mustRun(command: string, args: string[], opts: SpawnOptions = {}): Promise<void> {
  const code = await run(command, args, opts);
  if (code !== 0) throw new Error(`${path.basename(command)} ${args.join(" ")} failed with exit code ${code}`);
}
