import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Admission, priorityOf, type Admitted, type Priority, type Refused } from "./admission";
import { readEnv } from "@/lib/env";

const RUNS = readEnv().FUZZ_RUNS;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Lets resolved promises run their callbacks. */
const flush = () => vi.advanceTimersByTimeAsync(0);

type Tracked = {
  id: number;
  priority: Priority;
  arrived: number;
  outcome?: Admitted | Refused;
  abort: AbortController;
};

describe("Admission", () => {
  it("serves up to the limit, queues the next, refuses beyond the line", async () => {
    const gate = new Admission({ maxActive: 2, maxQueued: 1, maxWaitMs: 1000 });
    const a = await gate.request("read");
    const b = await gate.request("read");
    const waiting = gate.request("read");
    expect(await gate.request("read")).toEqual({ admitted: false, reason: "queue-full" });
    expect(gate.stats()).toEqual({ active: 2, queued: 1 });
    if (a.admitted) a.release();
    expect((await waiting).admitted).toBe(true);
    if (b.admitted) b.release();
    expect(gate.stats()).toEqual({ active: 1, queued: 0 });
  });

  it("refuses a read whose wait runs out and a waiter whose client leaves, never a save for waiting", async () => {
    const gate = new Admission({ maxActive: 1, maxQueued: 5, maxWaitMs: 1000 });
    const first = (await gate.request("read")) as Admitted;
    const slow = gate.request("read");
    const leaving = new AbortController();
    const left = gate.request("read", leaving.signal);
    leaving.abort();
    expect(await left).toEqual({ admitted: false, reason: "cancelled" });
    const save = gate.request("write");
    await vi.advanceTimersByTimeAsync(5000);
    expect(await slow).toEqual({ admitted: false, reason: "waited-too-long" });
    // A save is never refused for waiting: it is next when the slot frees.
    expect(gate.stats()).toEqual({ active: 1, queued: 1 });
    first.release();
    expect((await save).admitted).toBe(true);
  });

  it("puts writes ahead of waiting reads, and lets a write push the newest read out of a full line", async () => {
    const gate = new Admission({ maxActive: 1, maxQueued: 2, maxWaitMs: 10_000 });
    const first = (await gate.request("read")) as Admitted;
    const order: string[] = [];
    const r1 = gate.request("read").then((o) => (order.push("r1"), o));
    const r2 = gate.request("read").then((o) => (order.push(o.admitted ? "r2" : "r2 refused"), o));
    const w = gate.request("write").then((o) => (order.push("w"), o));
    await flush();
    expect(order).toEqual(["r2 refused"]);
    first.release();
    ((await w) as Admitted).release();
    ((await r1) as Admitted).release();
    await r2;
    expect(order).toEqual(["r2 refused", "w", "r1"]);
  });

  it("keeps its promises under any sequence of arrivals, releases, departures and time", async () => {
    type Op =
      | { kind: "arrive"; priority: Priority }
      | { kind: "release"; pick: number }
      | { kind: "leave"; pick: number }
      | { kind: "wait"; ms: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant("arrive" as const), priority: fc.constantFrom<Priority>("read", "write") }),
      fc.record({ kind: fc.constant("release" as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant("leave" as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant("wait" as const), ms: fc.integer({ min: 1, max: 600 }) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          maxActive: fc.integer({ min: 1, max: 4 }),
          maxQueued: fc.integer({ min: 0, max: 4 }),
          maxWaitMs: fc.integer({ min: 1, max: 1000 }),
        }),
        fc.array(op, { maxLength: 60 }),
        async (limits, ops) => {
          const gate = new Admission(limits);
          const all: Tracked[] = [];
          let clock = 0;
          for (const o of ops) {
            if (o.kind === "arrive") {
              const t: Tracked = { id: all.length, priority: o.priority, arrived: clock, abort: new AbortController() };
              all.push(t);
              void gate.request(o.priority, t.abort.signal).then((outcome) => (t.outcome = outcome));
            } else if (o.kind === "release") {
              const holding = all.filter((t) => t.outcome?.admitted);
              if (holding.length) (holding[o.pick % holding.length].outcome as Admitted).release();
            } else if (o.kind === "leave") {
              const waiting = all.filter((t) => !t.outcome);
              if (waiting.length) waiting[o.pick % waiting.length].abort.abort();
            } else {
              await vi.advanceTimersByTimeAsync(o.ms);
              clock += o.ms;
            }
            await flush();
            const { active, queued } = gate.stats();
            const waiting = all.filter((t) => !t.outcome);
            // Never more served than allowed, never a longer line than allowed, never an idle slot while someone waits.
            expect(active).toBeLessThanOrEqual(limits.maxActive);
            expect(queued).toBeLessThanOrEqual(limits.maxQueued);
            expect(queued).toBe(waiting.length);
            if (queued > 0) expect(active).toBe(limits.maxActive);
            // No read waits longer than the limit.
            for (const t of waiting)
              if (t.priority === "read") expect(clock - t.arrived).toBeLessThan(limits.maxWaitMs);
          }
          // Everyone gets an answer: release everything and let the time pass.
          for (let round = 0; round < all.length + 1; round++) {
            for (const t of all) if (t.outcome?.admitted) t.outcome.release();
            await vi.advanceTimersByTimeAsync(limits.maxWaitMs);
          }
          expect(all.filter((t) => !t.outcome)).toEqual([]);
          expect(gate.stats()).toEqual({ active: 0, queued: 0 });
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("priorityOf", () => {
  it("treats server actions and non-GET methods as writes", () => {
    expect(priorityOf("POST", { "next-action": "abc" })).toBe("write");
    expect(priorityOf("POST", {})).toBe("write");
    expect(priorityOf("DELETE", {})).toBe("write");
    expect(priorityOf("GET", {})).toBe("read");
    expect(priorityOf("HEAD", {})).toBe("read");
    expect(priorityOf(undefined, {})).toBe("read");
  });
});
