import { z } from "zod";
import { parseTrustedProxies } from "@/lib/server/forwarded";

/**
 * Every setting the app and its scripts read from the environment, validated in one place (the
 * README's "Configuration" table lists the same names). `npm start` fills the required ones in for
 * demo mode (scripts/start.ts); with DATABASE_URL set, the operator provides them.
 * Nothing here is secret by itself; the values are, so messages name variables, never values.
 */
const whole = (min: number) => z.coerce.number().int().min(min);

const envSchema = z.object({
  DATABASE_URL: z.string().url({ message: "must be a postgresql:// URL" }).optional(),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.string().url({ message: "must be the app's public URL, e.g. https://watch.example.org" }).optional(),
  /** "1" when the app runs on the embedded demo database (shows the demo accounts on /login). */
  RW_DEMO_MODE: z.enum(["0", "1"]).default("0"),
  RW_TRUSTED_PROXIES: z
    .string()
    .default("")
    .superRefine((value, ctx) => {
      try {
        parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
  RW_SHUTDOWN_GRACE_SECONDS: whole(0).max(600).default(10),
  PORT: whole(1).max(65535).default(3000),
});

export type Env = z.infer<typeof envSchema>;

/** Validates `source` (process.env by default); throws naming each bad variable. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  // An empty variable counts as unset, as shells and .env files often leave them.
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid server configuration: ${problems}. See README "Configuration".`);
  }
  return parsed.data;
}

type AppEnv = Env & { DATABASE_URL: string; NEXTAUTH_SECRET: string };

let cached: AppEnv | undefined;

/** The running app's settings: DATABASE_URL and NEXTAUTH_SECRET are required here. */
export function env(): AppEnv {
  if (cached) return cached;
  const read = readEnv();
  const missing = (["DATABASE_URL", "NEXTAUTH_SECRET"] as const).filter((name) => !read[name]);
  if (missing.length) throw new Error(`Invalid server configuration: ${missing.join(", ")} must be set. See README "Configuration".`);
  cached = read as AppEnv;
  return cached;
}
