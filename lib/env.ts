import "server-only";
import { z } from "zod";

/**
 * The server's configuration, validated once. `npm start` fills these in for demo mode
 * (scripts/start.ts); with DATABASE_URL set, the operator provides them.
 */
const envSchema = z.object({
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL" }),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
  /** "1" when the app runs on the embedded demo database (shows the demo accounts on /login). */
  RW_DEMO_MODE: z.enum(["0", "1"]).default("0"),
});

let cached: z.infer<typeof envSchema> | undefined;

export function env(): z.infer<typeof envSchema> {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    // Names the variable, never its value.
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid server configuration: ${problems}. See README "Configuration".`);
  }
  cached = parsed.data;
  return cached;
}
