/**
 * `npm run backup` and `npm run restore` as a user runs them in demo mode (no DATABASE_URL), on a
 * throwaway DATA_DIR: backup with the embedded PostgreSQL stopped and while one is running on the
 * directory (as under `npm start`), restore into a new DATA_DIR, refusals with clear messages, and
 * nothing written on bad input.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/ops/embedded-postgres";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
let dir: string;
let pgPort: number;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Runs a script as `npm run` would, in demo mode on `dataDir` with its keys in `keysFile` (by default a
 * file of its own beside the directory, as on another machine); resolves with its exit code and output.
 */
function script(
  name: string,
  args: string[],
  dataDir: string,
  keysFile = `${dataDir}.keys.json`,
): Promise<{ code: number | null; out: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    RW_DEMO_KEYS_FILE: keysFile,
    EMBEDDED_PG_PORT: String(pgPort),
  };
  delete env.DATABASE_URL;
  delete env.RW_ENCRYPTION_KEYS;
  // As package.json runs them: the seed writes through the server-only data layer.
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", `scripts/${name}.ts`, ...args],
    {
      cwd: ROOT,
      env,
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  child.stdin.end(); // not a terminal, as under cron
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, out })));
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "rw-backup-cmd-"));
  // The data directories live inside: as root, PostgreSQL runs as an unprivileged user that must traverse it.
  await chmod(dir, 0o711);
  pgPort = await freePort();
  const data = path.join(dir, "data");
  for (const step of ["db-migrate", "db-seed"]) {
    const { code, out } = await script(step, [], data);
    expect(code, out).toBe(0);
  }
}, 120_000);
afterAll(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

describe("npm run backup / restore in demo mode", () => {
  it("backs up with the server stopped, and through a running one", { timeout: 120_000 }, async () => {
    const data = path.join(dir, "data");
    const stopped = await script("backup", [path.join(dir, "stopped.tar.gz")], data);
    expect(stopped.out).toContain("started its PostgreSQL on port");
    expect(stopped.out).toContain("No encryption key or secret is in the archive");
    expect(stopped.code).toBe(0);

    const exists = await script("backup", [path.join(dir, "stopped.tar.gz")], data);
    expect(exists.code).toBe(1);
    expect(exists.out).toContain("exists already: choose another name, or pass --force");

    // As under npm start: a server already runs on the directory; the backup must use it, not start another.
    const { pgPassword } = JSON.parse(await readFile(path.join(data, "pg.json"), "utf8")) as { pgPassword: string };
    const server = await startEmbeddedPostgres({
      dataDir: path.join(data, "pg"),
      port: pgPort,
      password: pgPassword,
      persistent: true,
    });
    try {
      const running = await script("backup", [path.join(dir, "running.tar.gz")], data);
      expect(running.out).toContain(`through the PostgreSQL npm start is running (port ${pgPort})`);
      expect(running.code).toBe(0);
      const refused = await script("restore", [path.join(dir, "running.tar.gz")], data);
      expect(refused.code).toBe(1);
      expect(refused.out).toContain("npm start is running on");
    } finally {
      await server.stop();
    }
  });

  it(
    "restores into a new DATA_DIR, and refuses a non-empty one without --replace --yes",
    { timeout: 180_000 },
    async () => {
      const fresh = path.join(dir, "restored");
      const restored = await script("restore", [path.join(dir, "stopped.tar.gz")], fresh);
      expect(restored.out).toContain(`Creating a new demo data directory in ${fresh}`);
      expect(restored.out).toMatch(/Restored .* into database "refoulement_watch"/);
      expect(restored.out).toMatch(/Case\s+7 rows/);
      expect(restored.out).toContain("Encryption keys are not in backups: they must be supplied separately.");
      expect(restored.out).toMatch(/key "[^"]+" \(4 encrypted values\): NOT in .*restored\.keys\.json/);
      expect(restored.code).toBe(0);
      // With the keys file kept from the original, the restored values decrypt.
      const withKeys = await script(
        "restore",
        [path.join(dir, "stopped.tar.gz"), "--replace", "--yes"],
        fresh,
        path.join(dir, "data.keys.json"),
      );
      expect(withKeys.out).toMatch(/key "[^"]+" \(4 encrypted values\): in .*data\.keys\.json.*, and it decrypts them/);
      expect(withKeys.code).toBe(0);

      const again = await script("restore", [path.join(dir, "stopped.tar.gz")], fresh);
      expect(again.code).toBe(1);
      expect(again.out).toMatch(
        /cannot take the restore: it is not empty \(.*\)\. Restore into an empty database, or pass --replace/,
      );
      const noYes = await script("restore", [path.join(dir, "stopped.tar.gz"), "--replace"], fresh);
      expect(noYes.code).toBe(1);
      expect(noYes.out).toContain("standard input is not a terminal, so it cannot ask: add --yes to confirm");
      const replaced = await script("restore", [path.join(dir, "stopped.tar.gz"), "--replace", "--yes"], fresh);
      expect(replaced.out).toContain("(its previous contents deleted)");
      expect(replaced.code).toBe(0);
    },
  );

  it("refuses bad input with a clear message and creates nothing", { timeout: 120_000 }, async () => {
    const good = await readFile(path.join(dir, "stopped.tar.gz"));
    const files: [string, Buffer, string][] = [
      ["empty.tar.gz", Buffer.alloc(0), "is empty (0 bytes)"],
      ["notes.txt", Buffer.from("not a backup\n"), "is not a gzip file, not a backup made by npm run backup"],
      ["cut.tar.gz", good.subarray(0, good.length - 100), "is truncated"],
    ];
    for (const [name, content, message] of files) {
      await writeFile(path.join(dir, name), content);
      const target = path.join(dir, `never-${name}`);
      const result = await script("restore", [path.join(dir, name)], target);
      expect(result.code, name).toBe(1);
      expect(result.out, name).toContain(message);
      expect(existsSync(target), name).toBe(false);
    }
    const missing = await script("restore", [], path.join(dir, "never"));
    expect(missing.code).toBe(1);
    expect(missing.out).toContain("Missing FILE: which archive to restore?");
  });
});
