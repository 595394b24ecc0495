import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ENV_NAMES, readEnv } from "@/lib/env";

const ROOT = path.resolve(import.meta.dirname, "..");

describe("lib/env.ts", () => {
  it("validates exactly the variables the README names", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Configuration"), readme.indexOf("## npm scripts"));
    const named = new Set([...section.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]));
    expect([...named].sort()).toEqual([...ENV_NAMES].sort());
  });

  it("is the only reader of process.env in the app, its scripts and its test tooling (tests and children's environments aside)", () => {
    const files = execFileSync("git", ["ls-files", "*.ts", "*.tsx", "*.js", "*.mjs"], { cwd: ROOT, encoding: "utf8" })
      .split("\n")
      .filter(
        (f) =>
          f &&
          f !== "lib/env.ts" &&
          !/\.test\.tsx?$/.test(f) &&
          !f.startsWith("lib/testing/") &&
          !f.startsWith("lib/generated/"),
      );
    const readers = files.flatMap((file) => {
      const text = readFileSync(path.join(ROOT, file), "utf8");
      // A read: process.env.X or process.env["X"] not being assigned; passing the whole environment on (...process.env) is not a read.
      const reads = [
        ...text.matchAll(/(?<!\.\.\.)process\.env(?:\.[A-Za-z_]\w*|\[[^\]]+\])(?!\w|\s*\??\?=|\s*=(?!=))/g),
      ];
      return reads.map((m) => `${file}: ${m[0]}`);
    });
    expect(readers).toEqual([]);
  });

  it("names a malformed variable, and a retired one, without its value", () => {
    expect(() => readEnv({ PORT: "80a" })).toThrow(/PORT: must be a whole number/);
    expect(() => readEnv({ RW_SIGNIN_MAX_FAILURES_PER_IP: "s3cret" })).toThrow(
      /RW_SIGNIN_MAX_FAILURES_PER_IP no longer exists/,
    );
    expect(() => readEnv({ NEXTAUTH_SECRET: "short-secret-value" })).not.toThrow(/short-secret-value/);
  });
});
