import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { loadOrder } from "./catalog";
import { formatBytes, formatCounts, parseOpsArgs, replaceConfirmation, UsageError } from "./cli";

describe("backup and restore arguments", () => {
  it("take one FILE and the command's own flags", () => {
    expect(parseOpsArgs("backup", ["out.tar.gz"])).toEqual({
      file: "out.tar.gz",
      force: false,
      replace: false,
      yes: false,
    });
    expect(parseOpsArgs("backup", ["--force", "out.tar.gz"])).toMatchObject({ file: "out.tar.gz", force: true });
    expect(parseOpsArgs("restore", ["in.tar.gz", "--replace", "--yes"])).toMatchObject({ replace: true, yes: true });
    expect(parseOpsArgs("restore", ["--", "--odd-name.tar.gz"])).toMatchObject({ file: "--odd-name.tar.gz" });
  });

  it("say what is wrong, then the usage", () => {
    const refused = (command: "backup" | "restore", argv: string[]) => {
      try {
        parseOpsArgs(command, argv);
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
      throw new Error("accepted");
    };
    expect(refused("backup", [])).toMatch(/^Missing FILE: which archive to write\?\nUsage: npm run backup -- FILE/);
    expect(refused("restore", [])).toMatch(/^Missing FILE: which archive to restore\?/);
    expect(refused("backup", ["a", "b"])).toMatch(/^One FILE only \(got "a", "b"\)/);
    expect(refused("backup", ["a", "--replace"])).toMatch(/^Unknown option --replace\./);
    expect(refused("restore", ["a", "--force"])).toMatch(/^Unknown option --force\./);
    expect(refused("restore", ["a", "--yes"])).toMatch(/^--yes only goes with --replace/);
    expect(refused("backup", ["-"])).toMatch(/^FILE must be a file path/);
    expect(refused("restore", ["--help"])).toMatch(/^Usage: npm run restore/);
  });
});

describe("the --replace confirmation", () => {
  const question = { database: "rw", rows: [{ table: "Case", rows: 3 }], reason: "is not empty (Case: 3)" };

  it("is given by --yes, and refused without it when standard input is not a terminal", async () => {
    expect(await replaceConfirmation({ yes: true, where: "here" })(question)).toBe(true);
    const input = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.ReadStream;
    await expect(replaceConfirmation({ yes: false, input, where: "here" })(question)).rejects.toThrow(
      /standard input is not a terminal, so it cannot ask: add --yes/,
    );
  });

  it("on a terminal, needs the database's name typed", async () => {
    const ask = async (answer: string) => {
      const input = Object.assign(new PassThrough(), { isTTY: true }) as unknown as NodeJS.ReadStream;
      const output = new PassThrough() as unknown as NodeJS.WriteStream;
      let shown = "";
      (output as unknown as PassThrough).on("data", (d) => (shown += d));
      const pending = replaceConfirmation({ yes: false, input, output, where: "here" })(question);
      setTimeout(() => (input as unknown as PassThrough).write(`${answer}\n`), 10);
      const result = await pending;
      expect(shown).toContain("Type the database name (rw)");
      return result;
    };
    expect(await ask("rw")).toBe(true);
    expect(await ask("yes")).toBe(false);
  });
});

describe("load order", () => {
  it("puts every table after the tables it references, ties by name", () => {
    const fks = [
      { from: "Case", to: "User" },
      { from: "Person", to: "Case" },
      { from: "_EventPeople", to: "Person" },
      { from: "_EventPeople", to: "CaseEvent" },
      { from: "CaseEvent", to: "Case" },
    ];
    expect(loadOrder(["_EventPeople", "Person", "CaseEvent", "Case", "User", "AuditEvent"], fks)).toEqual([
      "AuditEvent",
      "User",
      "Case",
      "CaseEvent",
      "Person",
      "_EventPeople",
    ]);
    expect(() =>
      loadOrder(
        ["A", "B"],
        [
          { from: "A", to: "B" },
          { from: "B", to: "A" },
        ],
      ),
    ).toThrow(/cycle/);
  });
});

describe("output", () => {
  it("formats sizes and counts", () => {
    expect(formatBytes(999)).toBe("999 B");
    expect(formatBytes(1_234_567)).toBe("1.23 MB");
    expect(
      formatCounts([
        { name: "Case", rows: 1200 },
        { name: "User", rows: 4 },
      ]).at(-1),
    ).toMatch(/total\s+1,204 rows in 2 tables/);
  });
});
