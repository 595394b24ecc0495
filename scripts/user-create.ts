/**
 * npm run user:create -- --email ana@example.org --role EDITOR [--name "Ana Kim"]
 * Creates an account on DATABASE_URL (or the demo database). The password is read from a hidden
 * prompt, or from standard input when piped, never from the command line (it would land in shell
 * history and in the process list).
 */
import { parseArgs } from "node:util";
import { createInterface } from "node:readline";
import { scriptPrismaClient } from "./lib/prisma.ts";
import { hashPassword } from "../lib/auth/password.ts";
import { createUserSchema } from "../lib/validations/user.ts";
import { withDatabase } from "./lib/demo-database.ts";
import { runScript } from "./lib/run-script.ts";

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let data = "";
    for await (const chunk of process.stdin) data += chunk;
    return data.split(/\r?\n/)[0] ?? "";
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      // Echo nothing while the password is typed.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
        if (s.startsWith(prompt)) process.stdout.write(prompt);
      };
      rl.question(prompt, (answer) => {
        rl.close();
        process.stdout.write("\n");
        resolve(answer);
      });
    });
  const first = await ask("Password (12+ characters): ");
  const second = await ask("Repeat the password: ");
  if (first !== second) throw new Error("The passwords do not match; nothing was created.");
  return first;
}

runScript(async () => {
  const { values } = parseArgs({
    options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
    strict: true,
  });
  if (!values.email || !values.role) {
    throw new Error(
      "Usage: npm run user:create -- --email <email> --role <RESEARCHER|EDITOR|STAFF|ADMIN> [--name <name>]",
    );
  }
  const password = await readPassword();
  const parsed = createUserSchema.safeParse({
    email: values.email,
    role: values.role.toUpperCase(),
    name: values.name ?? values.email.split("@")[0],
    password,
  });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join(" "));
  await withDatabase(async (url) => {
    const db = await scriptPrismaClient(url);
    try {
      if (await db.user.findUnique({ where: { email: parsed.data.email }, select: { id: true } })) {
        throw new Error(`An account with the email ${parsed.data.email} already exists; nothing was changed.`);
      }
      const { password: plain, ...data } = parsed.data;
      const user = await db.user.create({
        data: { ...data, passwordHash: await hashPassword(plain) },
        select: { id: true, email: true, role: true },
      });
      await db.auditEvent.create({
        data: {
          kind: "user-created",
          success: true,
          actorEmail: user.email,
          detail: { role: user.role, via: "command line" },
        },
      });
      console.log(`Created ${user.role.toLowerCase()} account ${user.email}.`);
    } finally {
      await db.$disconnect();
    }
  });
});
