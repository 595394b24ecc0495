import "server-only";
import { db } from "@/lib/db";

/** Pings the database with a short timeout. Returns a reason on failure, never a connection string. */
export async function checkDatabase(timeoutMs = 2000): Promise<{ ok: true } | { ok: false; reason: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Keep only the first line and drop anything URL-like: error messages must not leak credentials.
    return {
      ok: false,
      reason: message
        .split("\n")[0]
        .replace(/postgres(ql)?:\/\/\S+/g, "[database]")
        .slice(0, 200),
    };
  } finally {
    clearTimeout(timer);
  }
}
