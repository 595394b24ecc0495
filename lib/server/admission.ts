/**
 * Admission control at the edge of the app (scripts/serve.ts): at most `maxActive` requests are
 * rendered at once; the next `maxQueued` wait in line, reads for at most `maxWaitMs`; anyone beyond
 * that line, or a read whose wait runs out, is told "busy, retry after N s" (503 with Retry-After)
 * instead of joining a line that grows without limit. Under overload PostgreSQL and the two cores are the
 * bottleneck: letting more requests in only makes every one of them slower (issue 12).
 *
 * Writes (form posts, API writes) go to the front of the line, ahead of every waiting read, so an
 * editor's save stays quick while readers load the server; a write in the line waits until it is
 * served (writes ahead of it are all that can delay it), since refusing it would lose what was typed. Within each class the line is first come,
 * first served. A waiter whose client leaves is taken out of the line (`cancel`).
 */
export type AdmissionLimits = { maxActive: number; maxQueued: number; maxWaitMs: number };
export type Priority = "write" | "read";

/** What a request gets: a ticket to go on with (call `release` once, when its response is done), or a refusal. */
export type Admitted = { admitted: true; release: () => void };
export type Refused = { admitted: false; reason: "queue-full" | "waited-too-long" | "cancelled" };

type Waiter = {
  priority: Priority;
  resolve: (outcome: Admitted | Refused) => void;
  timer: ReturnType<typeof setTimeout> | null;
};

export class Admission {
  private active = 0;
  private readonly writes: Waiter[] = [];
  private readonly reads: Waiter[] = [];

  constructor(private readonly limits: AdmissionLimits) {}

  /** How many requests are being served and how many wait, for logs and tests. */
  stats(): { active: number; queued: number } {
    return { active: this.active, queued: this.writes.length + this.reads.length };
  }

  /**
   * Asks to be served. Resolves at once when a slot is free or the line is full; otherwise when a
   * slot frees up, the wait runs out, or `signal` aborts (the client left).
   */
  request(priority: Priority, signal?: AbortSignal): Promise<Admitted | Refused> {
    if (signal?.aborted) return Promise.resolve({ admitted: false, reason: "cancelled" });
    if (this.active < this.limits.maxActive && this.writes.length + this.reads.length === 0)
      return Promise.resolve(this.admit());
    if (this.writes.length + this.reads.length >= this.limits.maxQueued) {
      // A write may still push the newest waiting read out of a full line: reads can retry, a lost save hurts.
      const bumped = priority === "write" ? this.reads.pop() : undefined;
      if (!bumped) return Promise.resolve({ admitted: false, reason: "queue-full" });
      this.settle(bumped, { admitted: false, reason: "queue-full" });
    }
    return new Promise((resolve) => {
      const waiter: Waiter = { priority, resolve, timer: null };
      const line = priority === "write" ? this.writes : this.reads;
      line.push(waiter);
      // Only reads run out of time: a refused read is retried by a reload, a refused save loses what was typed.
      if (priority === "read")
        waiter.timer = setTimeout(() => this.leave(waiter, "waited-too-long"), this.limits.maxWaitMs);
      signal?.addEventListener("abort", () => this.leave(waiter, "cancelled"), { once: true });
    });
  }

  private admit(): Admitted {
    this.active++;
    let released = false;
    return {
      admitted: true,
      release: () => {
        if (released) return;
        released = true;
        this.active--;
        this.next();
      },
    };
  }

  /** Hands free slots to the front of the line, writes first. */
  private next(): void {
    while (this.active < this.limits.maxActive) {
      const waiter = this.writes.shift() ?? this.reads.shift();
      if (!waiter) return;
      this.settle(waiter, this.admit());
    }
  }

  private leave(waiter: Waiter, reason: Refused["reason"]): void {
    const line = waiter.priority === "write" ? this.writes : this.reads;
    const at = line.indexOf(waiter);
    if (at < 0) return; // already admitted or refused
    line.splice(at, 1);
    this.settle(waiter, { admitted: false, reason });
  }

  private settle(waiter: Waiter, outcome: Admitted | Refused): void {
    if (waiter.timer) clearTimeout(waiter.timer);
    waiter.timer = null;
    waiter.resolve(outcome);
  }
}

/** Writes are posts of forms and server actions, and API calls that change something. */
export function priorityOf(method: string | undefined, headers: Record<string, unknown>): Priority {
  if (headers["next-action"]) return "write";
  return method && !["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase()) ? "write" : "read";
}
