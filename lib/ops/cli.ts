/** Command-line pieces shared by `npm run backup` and `npm run restore`: arguments, the replace prompt, output. */
import { createInterface } from "node:readline/promises";
import type { ReplaceQuestion } from "./restore.ts";

export type OpsArgs = { file: string; force: boolean; replace: boolean; yes: boolean };

export const USAGE = {
  backup: `Usage: npm run backup -- FILE [--force]
  Writes the whole database (DATABASE_URL, or the demo database in DATA_DIR) to FILE, a .tar.gz archive.
  --force   replace FILE if it exists`,
  restore: `Usage: npm run restore -- FILE [--replace [--yes]]
  Restores the backup FILE into an empty database (DATABASE_URL, or the demo database in DATA_DIR;
  a DATA_DIR that does not exist yet is created).
  --replace   delete everything in a database that is not empty first (asks to type its name)
  --yes       with --replace: do not ask (needed when standard input is not a terminal)`,
};

/** A wrong command line; the message ends with the usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

const FLAGS = { backup: ["--force"], restore: ["--replace", "--yes"] } as const;

/** Parses `FILE [flags]`; throws a UsageError naming what is wrong. `--help` throws the usage alone. */
export function parseOpsArgs(command: "backup" | "restore", argv: readonly string[]): OpsArgs {
  const usage = USAGE[command];
  const allowed: readonly string[] = FLAGS[command];
  const files: string[] = [];
  const flags = new Set<string>();
  let onlyFiles = false;
  for (const arg of argv) {
    if (!onlyFiles && arg === "--") onlyFiles = true;
    else if (!onlyFiles && (arg === "--help" || arg === "-h")) throw new UsageError(usage);
    else if (!onlyFiles && arg.startsWith("-") && arg !== "-") {
      if (!allowed.includes(arg)) throw new UsageError(`Unknown option ${arg}.\n${usage}`);
      flags.add(arg);
    } else files.push(arg);
  }
  if (files.length === 0)
    throw new UsageError(`Missing FILE: which archive to ${command === "backup" ? "write" : "restore"}?\n${usage}`);
  if (files.length > 1) throw new UsageError(`One FILE only (got ${files.map((f) => `"${f}"`).join(", ")}).\n${usage}`);
  if (files[0] === "-" || files[0].trim() === "") throw new UsageError(`FILE must be a file path.\n${usage}`);
  if (flags.has("--yes") && !flags.has("--replace")) throw new UsageError(`--yes only goes with --replace.\n${usage}`);
  return { file: files[0], force: flags.has("--force"), replace: flags.has("--replace"), yes: flags.has("--yes") };
}

/**
 * The confirmation --replace asks for: on a terminal, typing the database's name; otherwise only
 * --yes confirms (a cron job or a pipe cannot answer a question, and must not be taken as yes).
 */
export function replaceConfirmation(opts: {
  yes: boolean;
  input?: NodeJS.ReadStream;
  output?: NodeJS.WriteStream;
  where: string;
}) {
  const input = opts.input ?? process.stdin;
  const output = opts.output ?? process.stdout;
  return async (question: ReplaceQuestion): Promise<boolean> => {
    if (opts.yes) return true;
    if (!input.isTTY) {
      throw new UsageError(
        `Database "${question.database}" ${question.reason}. --replace would delete all of it; standard input is not a terminal, so it cannot ask: add --yes to confirm.`,
      );
    }
    output.write(
      `\nDatabase "${question.database}" (${opts.where}) ${question.reason}.\n` +
        `--replace deletes everything in it (schema public) and restores the backup in its place.\n` +
        `The backup has been checked already; if the restore still fails (a server error), the database is left empty.\n`,
    );
    const rl = createInterface({ input, output });
    try {
      const answer = await rl.question(`Type the database name (${question.database}) to go on, anything else stops: `);
      return answer.trim() === question.database;
    } finally {
      rl.close();
    }
  };
}

/** 1234567 → "1.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}

/** Rows per table as aligned lines, with a total. */
export function formatCounts(tables: readonly { name: string; rows: number; bytes?: number }[]): string[] {
  const width = Math.max(5, ...tables.map((t) => t.name.length));
  const lines = tables.map(
    (t) =>
      `  ${t.name.padEnd(width)}  ${t.rows.toLocaleString("en").padStart(11)} rows${t.bytes === undefined ? "" : `  ${formatBytes(t.bytes).padStart(9)}`}`,
  );
  const rows = tables.reduce((n, t) => n + t.rows, 0);
  lines.push(`  ${"total".padEnd(width)}  ${rows.toLocaleString("en").padStart(11)} rows in ${tables.length} tables`);
  return lines;
}
