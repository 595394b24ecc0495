import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create";
import { requestContext } from "@/lib/server/request-context";

/**
 * Overload degrades gracefully (issue 12): no statement of the app runs past its timeout, and a
 * request's statement stops in PostgreSQL as soon as its client leaves.
 */
const url = process.env.TEST_DATABASE_URL as string;
const db = createPrismaClient(url, { statementTimeoutMs: 300 });
const observer = createPrismaClient(url);
afterAll(() => Promise.all([db.$disconnect(), observer.$disconnect()]));

/** Statements of other sessions now running pg_sleep with this marker. */
async function running(marker: string): Promise<number> {
  const [row] = await observer.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM pg_stat_activity
    WHERE state = 'active' AND query LIKE ${`%${marker}%`} AND pid <> pg_backend_pid()`;
  return Number(row.n);
}

describe("statement timeout and cancellation", () => {
  it("ends a statement that runs past the timeout", async () => {
    const started = Date.now();
    await expect(db.$queryRawUnsafe("SELECT pg_sleep(3)::text AS slept /* timeout */")).rejects.toThrow(
      /statement timeout/,
    );
    expect(Date.now() - started).toBeLessThan(2500);
    // The pool is still usable afterwards.
    expect(await db.$queryRaw<{ one: number }[]>`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  });

  it("cancels a request's running statement when the request is abandoned", async () => {
    const slow = createPrismaClient(url); // no timeout: only the cancellation can end it
    try {
      const abandoned = new AbortController();
      const marker = `abandoned_${Date.now()}`;
      const started = Date.now();
      // Awaited inside run(): a Prisma query starts only when awaited, and must start in the request.
      const pending = requestContext.run(
        { actionStarted: false, signal: abandoned.signal },
        async () => await slow.$queryRawUnsafe(`SELECT pg_sleep(5)::text AS slept /* ${marker} */`),
      );
      const outcome = pending.then(
        () => "finished",
        (error: unknown) => String(error),
      );
      await expect.poll(() => running(marker), { timeout: 3000 }).toBe(1);
      abandoned.abort();
      expect(await outcome).toMatch(/cancel/i);
      expect(Date.now() - started).toBeLessThan(4000);
      expect(await running(marker)).toBe(0);
      // A statement of an already abandoned request is not started at all.
      await expect(
        requestContext.run(
          { actionStarted: false, signal: abandoned.signal },
          async () => await slow.$queryRaw`SELECT 1`,
        ),
      ).rejects.toThrow(/abandoned/);
      // Outside a request, statements run as before.
      expect(await slow.$queryRaw<{ one: number }[]>`SELECT 1 AS one`).toEqual([{ one: 1 }]);
    } finally {
      await slow.$disconnect();
    }
  });
});
