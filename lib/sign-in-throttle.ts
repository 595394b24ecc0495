/**
 * Sign-in throttling: failed attempts are counted per typed email (whether or not the account
 * exists) and per IP in fixed windows, in PostgreSQL so every app instance shares the counts.
 * The table is created by a migration (model SignInThrottle), never by the library.
 */
import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";

/** Limits used when neither the environment nor the caller sets them. */
export const SIGN_IN_THROTTLE_DEFAULTS = { maxFailuresPerAccount: 5, maxFailuresPerIp: 20, windowSeconds: 900 } as const;

export type SignInThrottleLimits = { maxFailuresPerAccount: number; maxFailuresPerIp: number; windowSeconds: number };

/** Whether an attempt may check its password; when not, until when and which limit refused it. */
export type SignInGate = { allowed: true } | { allowed: false; retryAt: Date; limit: "account" | "ip" };

const TABLE = "sign_in_throttle";
const ENV_NAMES = {
  maxFailuresPerAccount: "RW_SIGNIN_MAX_FAILURES_PER_ACCOUNT",
  maxFailuresPerIp: "RW_SIGNIN_MAX_FAILURES_PER_IP",
  windowSeconds: "RW_SIGNIN_WINDOW_SECONDS",
} as const;

/** The limits from RW_SIGNIN_* where set, else the defaults; a malformed value is an error, not a silent default. */
export function signInThrottleLimitsFromEnv(env: Record<string, string | undefined> = process.env): SignInThrottleLimits {
  const limits = { ...SIGN_IN_THROTTLE_DEFAULTS } as SignInThrottleLimits;
  for (const [field, name] of Object.entries(ENV_NAMES) as [keyof SignInThrottleLimits, string][]) {
    const raw = env[name]?.trim();
    if (!raw) continue;
    if (!/^\d+$/.test(raw) || Number(raw) < 1) {
      throw new Error(`Invalid server configuration: ${name} must be a whole number of at least 1. See README "Configuration".`);
    }
    limits[field] = Number(raw);
  }
  return limits;
}

const globals = globalThis as unknown as { signInThrottlePool?: pg.Pool; signInThrottle?: SignInThrottle };

function sharedPool(): pg.Pool {
  if (!globals.signInThrottlePool) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set: sign-in throttling needs the database.");
    const pool = new pg.Pool({ connectionString, max: 4 });
    // pg emits "error" when the server drops an idle connection; unheard, that would end the process.
    pool.on("error", (error) => console.error(`Sign-in throttle: lost a database connection (${error.message}).`));
    globals.signInThrottlePool = pool;
  }
  return globals.signInThrottlePool;
}

/**
 * The key column is varchar(255), but a typed email may have 320 characters and a forwarded-for
 * header anything, so a long value is stored as its SHA-256 instead of failing the insert.
 */
function storageKey(value: string): string {
  return value.length <= 200 ? value : `sha256:${createHash("sha256").update(value).digest("hex")}`;
}

type Counter = { limit: "account" | "ip"; limiter: RateLimiterPostgres; key: string };

/** Two fixed-window counters of failed sign-ins, one per typed email and one per IP. */
export class SignInThrottle {
  readonly limits: SignInThrottleLimits;
  private readonly byAccount: RateLimiterPostgres;
  private readonly byIp: RateLimiterPostgres;

  /** Options override RW_SIGNIN_* (tests use small limits); the pool defaults to one shared pool on DATABASE_URL. */
  constructor(options: Partial<SignInThrottleLimits> & { pool?: pg.Pool } = {}) {
    const { pool, ...overrides } = options;
    this.limits = { ...signInThrottleLimitsFromEnv(), ...overrides };
    for (const [field, value] of Object.entries(this.limits)) {
      if (!Number.isInteger(value) || value < 1) throw new Error(`SignInThrottle: ${field} must be a whole number of at least 1.`);
    }
    const common = { storeClient: pool ?? sharedPool(), storeType: "pool", tableName: TABLE, tableCreated: true, duration: this.limits.windowSeconds };
    this.byAccount = new RateLimiterPostgres({ ...common, keyPrefix: "account", points: this.limits.maxFailuresPerAccount });
    this.byIp = new RateLimiterPostgres({ ...common, keyPrefix: "ip", points: this.limits.maxFailuresPerIp });
  }

  private counters(email: string, ip: string | null): Counter[] {
    const counters: Counter[] = [{ limit: "account", limiter: this.byAccount, key: storageKey(email.trim().toLowerCase()) }];
    // Without an address there is nothing to count per IP; pooling all such attempts under one key
    // would let anyone lock everyone out.
    const address = ip?.trim().toLowerCase();
    if (address) counters.push({ limit: "ip", limiter: this.byIp, key: storageKey(address) });
    return counters;
  }

  /**
   * Call before checking a password. Takes one attempt from the email's and the IP's allowance, or
   * refuses when either is used up. The attempt is taken up front so that concurrent guesses count
   * each other; succeeded() gives it back.
   */
  async begin(email: string, ip: string | null): Promise<SignInGate> {
    const counters = this.counters(email, ip);
    // Look before taking: an attempt refused by one limit must not use up the other.
    const current = await Promise.all(counters.map((c) => c.limiter.get(c.key)));
    const exhausted = counters.flatMap((c, i) => {
      const res = current[i];
      return res && res.consumedPoints >= c.limiter.points ? [{ limit: c.limit, res }] : [];
    });
    if (exhausted.length) return refusal(exhausted);

    const taken = await Promise.all(
      counters.map((c) =>
        c.limiter.consume(c.key).then(
          () => null,
          (error: unknown) => {
            if (error instanceof RateLimiterRes) return { limit: c.limit, res: error };
            throw error;
          },
        ),
      ),
    );
    // Another request took the last attempt between the look and the take.
    const over = taken.filter((t) => t !== null);
    return over.length ? refusal(over) : { allowed: true };
  }

  /** Call after a correct password: clears the email's failures and gives the IP back the attempt begin() took. */
  async succeeded(email: string, ip: string | null): Promise<void> {
    const [account, byIp] = this.counters(email, ip);
    // If the IP's window ended in between, the reward starts the next window one attempt in credit;
    // that is the price of counting concurrent attempts.
    await Promise.all([account.limiter.delete(account.key), byIp?.limiter.reward(byIp.key)]);
  }
}

function refusal(exhausted: { limit: "account" | "ip"; res: RateLimiterRes }[]): SignInGate {
  const longest = exhausted.reduce((a, b) => (b.res.msBeforeNext > a.res.msBeforeNext ? b : a));
  return { allowed: false, retryAt: new Date(Date.now() + Math.max(0, longest.res.msBeforeNext)), limit: longest.limit };
}

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
  // Rounded up to the minute, so the time named is never one at which sign-in is still refused.
  const at = new Date(Math.ceil(retryAt.getTime() / 60_000) * 60_000);
  const minutes = Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 60_000));
  return `Too many failed sign-in attempts. Try again after ${at.toISOString().slice(11, 16)} UTC (in about ${minutes} minute${minutes === 1 ? "" : "s"}).`;
}
