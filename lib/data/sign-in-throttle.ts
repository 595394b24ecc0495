/**
 * Sign-in throttling as OWASP ASVS (v4 2.2.1, v5 6.3.1) recommends it: growing delays, not lockouts.
 *
 *  - Failures are counted per account *and* address, and per address. Each counter lets a few failures
 *    through freely; after that, each further failure makes the next attempt wait twice as long
 *    (1 s, 2 s, 4 s … up to RW_SIGNIN_MAX_DELAY_SECONDS). Nobody is ever locked out for good, and a
 *    stranger's failures on an account from their own address never delay its owner at theirs.
 *  - An address an account has signed in from before is "known" for that account: the per-address
 *    counter does not apply to it there, so others failing behind the same address (an office NAT,
 *    an attacker who shares it) do not block its owner.
 *  - The address is the one the HTTP server established (lib/server/forwarded.ts): a client cannot
 *    choose it by sending X-Forwarded-For.
 *
 * Counts live in PostgreSQL, so every app instance shares them, and each attempt is taken with one
 * atomic UPDATE before the password is checked, so parallel guesses count against each other.
 */
import "server-only";
import { createHash } from "node:crypto";
import { db as appDb } from "@/lib/db";
import type { Db } from "@/lib/db/create";
import { readEnv, settings } from "@/lib/env";

export type SignInThrottleLimits = {
  /** Failures per account and address before delays start. */
  freeFailuresPerAccountAndIp: number;
  /** Failures per address (over all accounts) before delays start. */
  freeFailuresPerIp: number;
  /** A counter whose last failure is older than this starts again from zero. */
  windowSeconds: number;
  /** The first delay; each further failure doubles it. */
  baseDelaySeconds: number;
  maxDelaySeconds: number;
};

/** The limits from RW_SIGNIN_* where set (validated by lib/env.ts, which refuses the retired names), else the defaults. */
export function signInThrottleLimitsFromEnv(source?: Record<string, string | undefined>): SignInThrottleLimits {
  const e = source ? readEnv(source) : settings();
  return {
    baseDelaySeconds: 1,
    freeFailuresPerAccountAndIp: e.RW_SIGNIN_FREE_FAILURES_PER_ACCOUNT_AND_IP,
    freeFailuresPerIp: e.RW_SIGNIN_FREE_FAILURES_PER_IP,
    windowSeconds: e.RW_SIGNIN_WINDOW_SECONDS,
    maxDelaySeconds: e.RW_SIGNIN_MAX_DELAY_SECONDS,
  };
}

/** The limits with nothing set (their defaults are lib/env.ts's). */
export const SIGN_IN_THROTTLE_DEFAULTS: SignInThrottleLimits = signInThrottleLimitsFromEnv({});

/** Whether an attempt may check its password; when not, until when and which counter refused it. */
export type SignInGate = { allowed: true } | { allowed: false; retryAt: Date; limit: "account-ip" | "ip" };

type Counter = { limit: "account-ip" | "ip"; key: string; free: number };

/** Keys are at most 255 characters: a long email or address is stored as its SHA-256 instead. */
function storageKey(kind: string, value: string): string {
  return value.length <= 200
    ? `${kind}:${value}`
    : `${kind}:sha256:${createHash("sha256").update(value).digest("hex")}`;
}

export class SignInThrottle {
  readonly limits: SignInThrottleLimits;
  private readonly db: Db;

  /** Options override RW_SIGNIN_* (tests use small limits); the database defaults to the app's. */
  constructor(options: Partial<SignInThrottleLimits> & { db?: Db } = {}) {
    const { db, ...overrides } = options;
    this.limits = { ...signInThrottleLimitsFromEnv(), ...overrides };
    for (const [field, value] of Object.entries(this.limits)) {
      if (!Number.isFinite(value) || value <= 0) throw new Error(`SignInThrottle: ${field} must be a positive number.`);
    }
    this.db = db ?? appDb;
  }

  private counters(email: string, ip: string | null, knownAddress: boolean): Counter[] {
    const account = email.trim().toLowerCase();
    const address = ip?.trim().toLowerCase() || "unknown";
    const counters: Counter[] = [
      {
        limit: "account-ip",
        key: storageKey("account-ip", `${account}|${address}`),
        free: this.limits.freeFailuresPerAccountAndIp,
      },
    ];
    // Without an address there is nothing to count per address: pooling all such attempts under
    // one key would let anyone slow everyone down.
    if (ip && !knownAddress)
      counters.push({ limit: "ip", key: storageKey("ip", address), free: this.limits.freeFailuresPerIp });
    return counters;
  }

  /**
   * Call before checking a password. Takes one attempt from each counter that applies (counted as a
   * failure until succeeded() says otherwise), or refuses while a counter's delay has not passed.
   * `knownAddress`: the account has signed in from this address before (see isKnownAddress).
   */
  async begin(email: string, ip: string | null, knownAddress = false): Promise<SignInGate> {
    const counters = this.counters(email, ip, knownAddress);
    // Look before taking: an attempt refused by one counter must not use up another.
    const blocked = await this.blockedUntil(counters.map((c) => c.key));
    const refusing = counters.filter((c) => blocked.has(c.key));
    if (refusing.length) return refusal(refusing.map((c) => ({ limit: c.limit, until: blocked.get(c.key)! })));

    const refused: { limit: Counter["limit"]; until: Date }[] = [];
    for (const counter of counters) {
      const taken = await this.take(counter);
      if (taken !== true) refused.push({ limit: counter.limit, until: taken });
    }
    if (Math.random() < 0.01) await this.forgetStale();
    // Another request made the counter wait between the look and the take.
    return refused.length ? refusal(refused) : { allowed: true };
  }

  /** After a correct password: the account's failures at this address are forgotten, the address gets its attempt back. */
  async succeeded(email: string, ip: string | null, knownAddress = false): Promise<void> {
    const [accountIp, byIp] = this.counters(email, ip, knownAddress);
    await this.db.$executeRaw`DELETE FROM sign_in_throttle WHERE key = ${accountIp.key}`;
    if (byIp)
      await this.db
        .$executeRaw`UPDATE sign_in_throttle SET failures = greatest(failures - 1, 0) WHERE key = ${byIp.key}`;
  }

  private async blockedUntil(keys: string[]): Promise<Map<string, Date>> {
    const rows = await this.db.$queryRaw<{ key: string; blockedUntil: Date }[]>`
      SELECT key, "blockedUntil" FROM sign_in_throttle
      WHERE key = ANY(${keys}::text[]) AND "blockedUntil" > now()`;
    return new Map(rows.map((r) => [r.key, r.blockedUntil]));
  }

  /**
   * Counts one failure on `counter` in one statement (so concurrent attempts serialise on the row),
   * unless it is waiting out a delay: then the end of that delay is returned.
   */
  private async take(counter: Counter): Promise<true | Date> {
    const { windowSeconds, baseDelaySeconds, maxDelaySeconds } = this.limits;
    await this.db
      .$executeRaw`INSERT INTO sign_in_throttle (key, failures, "lastFailureAt") VALUES (${counter.key}, 0, now()) ON CONFLICT (key) DO NOTHING`;
    const rows = await this.db.$queryRaw<{ failures: number }[]>`
      WITH counted AS (
        SELECT key, CASE WHEN "lastFailureAt" < now() - make_interval(secs => ${windowSeconds}) THEN 1 ELSE failures + 1 END AS failures
        FROM sign_in_throttle WHERE key = ${counter.key} FOR UPDATE
      )
      UPDATE sign_in_throttle t SET
        failures = counted.failures,
        "lastFailureAt" = now(),
        "blockedUntil" = CASE WHEN counted.failures >= ${counter.free}
          THEN now() + make_interval(secs => least(${maxDelaySeconds}::float8, ${baseDelaySeconds}::float8 * power(2, counted.failures - ${counter.free})))
          ELSE NULL END
      FROM counted
      WHERE t.key = counted.key AND (t."blockedUntil" IS NULL OR t."blockedUntil" <= now())
      RETURNING t.failures`;
    if (rows.length) return true;
    const [row] = await this.db.$queryRaw<
      { blockedUntil: Date | null }[]
    >`SELECT "blockedUntil" FROM sign_in_throttle WHERE key = ${counter.key}`;
    return row?.blockedUntil ?? new Date();
  }

  /** Counters nobody has failed on for a window and that are not waiting: nothing to remember. */
  private async forgetStale(): Promise<void> {
    await this.db.$executeRaw`
      DELETE FROM sign_in_throttle
      WHERE "lastFailureAt" < now() - make_interval(secs => ${this.limits.windowSeconds}) AND ("blockedUntil" IS NULL OR "blockedUntil" < now())`;
  }
}

function refusal(refused: { limit: "account-ip" | "ip"; until: Date }[]): SignInGate {
  const longest = refused.reduce((a, b) => (b.until > a.until ? b : a));
  return { allowed: false, retryAt: longest.until, limit: longest.limit };
}

const globals = globalThis as unknown as { signInThrottle?: SignInThrottle };

/** The throttle with the limits from RW_SIGNIN_* (or the defaults), created on first use. */
export function signInThrottle(): SignInThrottle {
  globals.signInThrottle ??= new SignInThrottle();
  return globals.signInThrottle;
}

/**
 * What a throttled person is told: when to try again, in UTC and as a duration. It names no account,
 * so it reads the same whether or not the typed email exists.
 */
export function throttledMessage(retryAt: Date, now: Date = new Date()): string {
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  if (seconds < 60)
    return `Too many failed sign-in attempts. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
  // Rounded up to the minute, so the time named is never one at which sign-in is still refused.
  const at = new Date(Math.ceil(retryAt.getTime() / 60_000) * 60_000);
  const minutes = Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 60_000));
  return `Too many failed sign-in attempts. Try again after ${at.toISOString().slice(11, 16)} UTC (in about ${minutes} minute${minutes === 1 ? "" : "s"}).`;
}
