/**
 * npm run lighthouse — Lighthouse (12.2.3, pinned) on the pages a visitor opens first: the dashboard,
 * a month of the timeline, a case page and the map, on desktop and on an emulated phone, with the
 * machine's Chromium. It starts the app exactly as `npm start` does, in demo mode on a throwaway data
 * directory (the seed report's cases), prints each page's scores, total blocking time and the
 * JavaScript a first visit downloads (gzipped, as sent), and writes every report (HTML and JSON) to
 * lighthouse-reports/ with a summary in lighthouse-reports/summary.json. Nothing is asserted: scores
 * on a loaded 2-core machine are noisy, so the machine's load is printed beside them.
 * LIGHTHOUSE_PAGES=/,/map limits the pages; LIGHTHOUSE_LANGUAGES=en,ko checks each in those languages
 * (sent as Accept-Language, as a first visit from a browser set to that language would).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig, type Flags } from "lighthouse";
import { CHROMIUM_MISSING, chromiumPath } from "./lib/chromium.ts";
import { ROOT } from "./lib/demo-database.ts";
import { freePort } from "./lib/free-port.ts";
import { readEnv } from "../lib/env.ts";

const PAGES: { label: string; path: string }[] = [
  { label: "Dashboard", path: "/" },
  { label: "Timeline February 2012", path: "/timeline?from=2012-02-01&to=2012-02-29" },
  { label: "Case page", path: "/cases/CN-2012-0001" },
  { label: "Map", path: "/map" },
];
const REPORTS = path.join(ROOT, "lighthouse-reports");
const chosen = readEnv()
  .LIGHTHOUSE_PAGES?.split(",")
  .map((p) => p.trim());
const pages = chosen ? PAGES.filter((p) => chosen.includes(p.path) || chosen.includes(p.label)) : PAGES;
const languages = (readEnv().LIGHTHOUSE_LANGUAGES ?? "en")
  .split(",")
  .map((l) => l.trim())
  .filter(Boolean);

const chromePath = chromiumPath();
if (!chromePath) {
  console.error(CHROMIUM_MISSING);
  process.exit(2);
}

let dataDir: string | undefined;
let app: ChildProcess | undefined;
process.on("exit", () => {
  app?.kill("SIGKILL");
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));

/** `npm start` in demo mode on a data directory of its own; resolves with its address once healthy. */
async function startDemoApp(): Promise<string> {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "rw-lighthouse-"));
  chmodSync(dataDir, 0o711); // run as root, PostgreSQL's own user must reach its data directory inside
  const port = await freePort();
  const base = `http://localhost:${port}`;
  let output = "";
  // Demo mode whatever the shell has set: no DATABASE_URL, a secret and keys of its own.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: path.join(dataDir, "data"),
    RW_DEMO_KEYS_FILE: path.join(dataDir, "keys.json"),
    PORT: String(port),
    EMBEDDED_PG_PORT: String(await freePort()),
  };
  for (const name of ["DATABASE_URL", "NEXTAUTH_SECRET", "RW_ENCRYPTION_KEYS", "NEXTAUTH_URL"]) delete env[name];
  app = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  app.stdout?.on("data", (d) => (output += d));
  app.stderr?.on("data", (d) => (output += d));
  const deadline = Date.now() + 600_000; // a first start may build the app
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`npm start exited (${app.exitCode}):\n${output}`);
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return base;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The app did not become healthy in 10 minutes:\n${output}`);
}

type Row = {
  page: string;
  language: string;
  path: string;
  form: "desktop" | "mobile";
  performance: number;
  accessibility: number;
  bestPractices: number;
  totalBlockingTimeMs: number;
  largestContentfulPaintMs: number;
  scriptKb: number;
  load: number;
};

async function main(): Promise<void> {
  console.log(`Lighthouse 12.2.3 with ${chromePath}; ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(2)}`);
  const base = await startDemoApp();
  console.log(`App ready on ${base}`);
  mkdirSync(REPORTS, { recursive: true });
  const chrome = await chromeLauncher.launch({
    chromePath: chromePath!,
    chromeFlags: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
    ],
  });
  const rows: Row[] = [];
  try {
    for (const page of pages) {
      for (const [language, form] of languages.flatMap((l) =>
        (["desktop", "mobile"] as const).map((f) => [l, f] as const),
      )) {
        const flags: Flags = {
          port: chrome.port,
          extraHeaders: { "Accept-Language": language },
          output: ["html", "json"],
          logLevel: "error",
          onlyCategories: ["performance", "accessibility", "best-practices"],
        };
        const result = await lighthouse(`${base}${page.path}`, flags, form === "desktop" ? desktopConfig : undefined);
        if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
        const { lhr, report } = result;
        if (lhr.runtimeError) throw new Error(`${page.path} (${form}): ${lhr.runtimeError.message}`);
        const name = `${page.label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${language}-${form}`;
        const [html, json] = report as string[];
        writeFileSync(path.join(REPORTS, `${name}.html`), html);
        writeFileSync(path.join(REPORTS, `${name}.json`), json);
        const summary = lhr.audits["resource-summary"]?.details as
          { items: { resourceType: string; transferSize: number }[] } | undefined;
        const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
        rows.push({
          page: page.label,
          language,
          path: page.path,
          form,
          performance: score("performance"),
          accessibility: score("accessibility"),
          bestPractices: score("best-practices"),
          totalBlockingTimeMs: Math.round(lhr.audits["total-blocking-time"]?.numericValue ?? NaN),
          largestContentfulPaintMs: Math.round(lhr.audits["largest-contentful-paint"]?.numericValue ?? NaN),
          scriptKb: Math.round((summary?.items.find((i) => i.resourceType === "script")?.transferSize ?? 0) / 1024),
          load: Number(os.loadavg()[0].toFixed(2)),
        });
        const r = rows.at(-1)!;
        console.log(
          `${r.page.padEnd(24)} ${language.padEnd(3)} ${form.padEnd(7)} performance ${String(r.performance).padStart(3)}  accessibility ${String(r.accessibility).padStart(3)}  best practices ${String(r.bestPractices).padStart(3)}  TBT ${String(r.totalBlockingTimeMs).padStart(5)} ms  LCP ${String(r.largestContentfulPaintMs).padStart(5)} ms  JS ${String(r.scriptKb).padStart(4)} kB  load ${r.load}`,
        );
      }
    }
  } finally {
    await chrome.kill();
  }
  writeFileSync(path.join(REPORTS, "summary.json"), `${JSON.stringify(rows, null, 2)}\n`);
  console.log(`\nReports in ${path.relative(ROOT, REPORTS)}/ (summary.json, one HTML and JSON per page and form).`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
