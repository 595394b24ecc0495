import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { THROTTLED_MESSAGE } from "@/components/auth/login-form";
import { authOptions } from "@/lib/auth/session";
import {
  SIGN_IN_THROTTLE_DEFAULTS,
  SignInThrottle,
  signInThrottleLimitsFromEnv,
  throttledMessage,
} from "@/lib/data/sign-in-throttle";
import { authenticateUser, type SignInResult } from "@/lib/data/sessions";
import { hashPassword } from "@/lib/auth/password";
import { testDb, unique } from "@/lib/testing/test-database";

const db = testDb();
afterAll(() => db.$disconnect());

/** Three free failures, then waits of 1 s, 2 s, capped at 4 s: small enough to wait out in a test. */
function smallThrottle(overrides: Partial<ConstructorParameters<typeof SignInThrottle>[0]> = {}) {
  return new SignInThrottle({
    freeFailuresPerAccountAndIp: 3,
    freeFailuresPerIp: 100,
    windowSeconds: 60,
    baseDelaySeconds: 1,
    maxDelaySeconds: 4,
    ...overrides,
  });
}

/** An address from the IPv6 documentation range that no other test uses. */
function uniqueIp(): string {
  const hex = randomBytes(6).toString("hex");
  return `2001:db8::${hex.slice(0, 4)}:${hex.slice(4, 8)}:${hex.slice(8, 12)}`;
}

async function makeUser() {
  const email = `${unique("throttle")}@example.org`;
  const password = `pw-${unique()}-${unique()}`;
  const user = await db.user.create({
    data: { email, name: "Throttle Test", role: "RESEARCHER", passwordHash: await hashPassword(password) },
  });
  return { user, email, password };
}

const ghostEmail = () => `${unique("ghost")}@example.org`;

async function attempts(
  n: number,
  email: string,
  password: string,
  ip: string | null,
  throttle: SignInThrottle,
): Promise<SignInResult["status"][]> {
  const statuses: SignInResult["status"][] = [];
  for (let i = 0; i < n; i++) statuses.push((await authenticateUser(email, password, ip, throttle)).status);
  return statuses;
}

function waitSeconds(result: SignInResult): number {
  if (result.status !== "throttled") throw new Error(`Expected a throttled attempt, got ${result.status}.`);
  return (result.retryAt.getTime() - Date.now()) / 1000;
}

const sleepUntil = (result: SignInResult) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, waitSeconds(result) * 1000) + 100));

function throttledLog(email: string) {
  return db.auditEvent.findMany({
    where: { kind: "sign-in", actorEmail: email, success: false, detail: { path: ["reason"], equals: "throttled" } },
    orderBy: { id: "asc" },
  });
}

describe("sign-in throttling: growing delays, never a lockout", () => {
  it("after the free failures each attempt waits twice as long as the last, and the right password works once the wait is over", async () => {
    const { email, password } = await makeUser();
    const throttle = smallThrottle();
    const ip = uniqueIp();
    expect(await attempts(3, email, "wrong password", ip, throttle)).toEqual(["invalid", "invalid", "invalid"]);

    const first = await authenticateUser(email, password, ip, throttle);
    expect(waitSeconds(first)).toBeGreaterThan(0);
    expect(waitSeconds(first)).toBeLessThanOrEqual(1.05);
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { lastSignInAt: true } });
    expect(user.lastSignInAt).toBeNull(); // refused without checking the password

    await sleepUntil(first);
    expect((await authenticateUser(email, "wrong password", ip, throttle)).status).toBe("invalid");
    const second = await authenticateUser(email, password, ip, throttle);
    expect(waitSeconds(second)).toBeGreaterThan(1.05);
    expect(waitSeconds(second)).toBeLessThanOrEqual(2.05);

    await sleepUntil(second);
    expect((await authenticateUser(email, password, ip, throttle)).status).toBe("ok");
    // Success forgets the failures: three free ones again.
    expect(await attempts(3, email, "wrong password", ip, throttle)).toEqual(["invalid", "invalid", "invalid"]);
  });

  it("a stranger's failures on an account slow the stranger, not the owner at the owner's address", async () => {
    const { email, password } = await makeUser();
    const throttle = smallThrottle();
    const attacker = uniqueIp();
    expect(await attempts(6, email, "wrong password", attacker, throttle)).toEqual([
      "invalid",
      "invalid",
      "invalid",
      "throttled",
      "throttled",
      "throttled",
    ]);
    expect((await authenticateUser(email, password, uniqueIp(), throttle)).status).toBe("ok");
  });

  it("the per-address counter slows every unknown account at that address, but not one that has signed in from it before", async () => {
    const regular = await makeUser();
    const newcomer = await makeUser();
    const throttle = smallThrottle({ freeFailuresPerAccountAndIp: 100, freeFailuresPerIp: 3 });
    const office = uniqueIp();
    expect((await authenticateUser(regular.email, regular.password, office, throttle)).status).toBe("ok");

    for (let i = 0; i < 4; i++) await authenticateUser(ghostEmail(), "wrong password", office, throttle);
    expect((await authenticateUser(newcomer.email, newcomer.password, office, throttle)).status).toBe("throttled");
    expect((await authenticateUser(regular.email, regular.password, office, throttle)).status).toBe("ok");
    expect((await authenticateUser(newcomer.email, newcomer.password, uniqueIp(), throttle)).status).toBe("ok");
    const [log] = await throttledLog(newcomer.email);
    expect(log).toMatchObject({ ip: office, detail: { reason: "throttled", limit: "ip" } });
  });

  it("an unknown email is throttled exactly like a known one, and both are in the audit log", async () => {
    const { user, email } = await makeUser();
    const ghost = ghostEmail();
    const throttle = smallThrottle();
    const ip = uniqueIp();
    const known = await attempts(4, email, "wrong password", ip, throttle);
    const unknown = await attempts(4, ghost, "wrong password", ip, throttle);
    expect(known).toEqual(["invalid", "invalid", "invalid", "throttled"]);
    expect(unknown).toEqual(known);

    const last = [await authenticateUser(email, "x", ip, throttle), await authenticateUser(ghost, "x", ip, throttle)];
    for (const result of last) {
      expect(Object.keys(result).sort()).toEqual(["retryAt", "status"]);
      if (result.status === "throttled") expect(throttledMessage(result.retryAt)).toMatch(THROTTLED_MESSAGE);
    }
    const [knownLog, ghostLog] = [await throttledLog(email), await throttledLog(ghost)];
    expect(knownLog).toHaveLength(2);
    expect(ghostLog).toHaveLength(2);
    expect(knownLog[0]).toMatchObject({
      actorId: user.id,
      ip,
      success: false,
      detail: { reason: "throttled", limit: "account-ip" },
    });
    expect(ghostLog[0]).toMatchObject({
      actorId: null,
      ip,
      success: false,
      detail: { reason: "throttled", limit: "account-ip" },
    });
    // Refused attempts were never checked, so none of them shows up as a wrong password.
    const logged = await db.auditEvent.findMany({
      where: { kind: "sign-in", actorEmail: { in: [email, ghost] } },
      select: { actorEmail: true, detail: true },
    });
    const reasons = logged
      .map((l) => `${l.actorEmail === email ? "known" : "ghost"} ${(l.detail as { reason: string }).reason}`)
      .sort();
    expect(reasons).toEqual([
      ...Array(3).fill("ghost no-such-account"),
      "ghost throttled",
      "ghost throttled",
      "known throttled",
      "known throttled",
      ...Array(3).fill("known wrong-password"),
    ]);
  });

  it("concurrent guesses from one address cannot get past the free failures", async () => {
    const { email } = await makeUser();
    const throttle = smallThrottle();
    const ip = uniqueIp();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => authenticateUser(email, "wrong password", ip, throttle)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([
      "invalid",
      "invalid",
      "invalid",
      "throttled",
      "throttled",
      "throttled",
      "throttled",
      "throttled",
    ]);
  });

  it("counts emails longer than the key column holds", async () => {
    const long = `${"a".repeat(300)}${unique()}@example.org`;
    expect(await attempts(4, long, "wrong password", uniqueIp(), smallThrottle())).toEqual([
      "invalid",
      "invalid",
      "invalid",
      "throttled",
    ]);
  });

  it("without options: five free failures per account and address, then 1 s, growing to at most 15 minutes", async () => {
    const { email, password } = await makeUser();
    const ip = uniqueIp();
    for (let i = 0; i < 5; i++) expect((await authenticateUser(email, "wrong password", ip)).status).toBe("invalid");
    const wait = waitSeconds(await authenticateUser(email, password, ip));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(1.05);
    // Thirty failures in: the wait stops growing at the cap.
    await db.$executeRaw`UPDATE sign_in_throttle SET failures = 30, "blockedUntil" = NULL WHERE key = ${`account-ip:${email}|${ip}`}`;
    expect((await authenticateUser(email, "wrong password", ip)).status).toBe("invalid");
    const capped = waitSeconds(await authenticateUser(email, password, ip));
    expect(capped).toBeGreaterThan(890);
    expect(capped).toBeLessThanOrEqual(900);
  });
});

describe("the credentials provider", () => {
  type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
  const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

  async function outcome(email: string, password: string, headers: Record<string, string>): Promise<string> {
    try {
      return (await authorize({ email, password }, { headers })) ? "signed in" : "refused";
    } catch (error) {
      return (error as Error).message;
    }
  }

  it("counts the address the HTTP server established, whatever X-Forwarded-For says, with one message for known and unknown emails", async () => {
    const { email, password } = await makeUser();
    const ghost = ghostEmail();
    const ip = uniqueIp();
    const headers = () => ({ "x-rw-client-ip": ip, "x-forwarded-for": uniqueIp() });
    // A frozen clock gives both waits the same end, so the two messages can be compared whole.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2031-05-04T09:30:20Z") });
    try {
      const outcomes: [string, string][] = [];
      for (let i = 0; i < 6; i++)
        outcomes.push([
          await outcome(email, i === 5 ? password : "wrong password", headers()),
          await outcome(ghost, "wrong password", headers()),
        ]);
      expect(outcomes.slice(0, 5)).toEqual(Array(5).fill(["refused", "refused"]));
      expect(outcomes[5][0]).toMatch(THROTTLED_MESSAGE);
      expect(outcomes[5][1]).toBe(outcomes[5][0]);
    } finally {
      vi.useRealTimers();
    }
    expect((await throttledLog(email)).map((l) => l.ip)).toEqual([ip]);
  });
});

describe("throttledMessage", () => {
  it("says seconds under a minute, else the next whole minute in UTC, in the form's pattern", () => {
    const now = new Date("2026-03-01T10:00:00Z");
    expect(throttledMessage(new Date("2026-03-01T10:00:01.2Z"), now)).toBe(
      "Too many failed sign-in attempts. Try again in 2 seconds.",
    );
    expect(throttledMessage(new Date("2026-03-01T10:00:00.5Z"), now)).toBe(
      "Too many failed sign-in attempts. Try again in 1 second.",
    );
    const later = throttledMessage(new Date("2026-03-01T10:14:05Z"), now);
    expect(later).toBe("Too many failed sign-in attempts. Try again after 10:15 UTC (in about 15 minutes).");
    for (const m of [later, throttledMessage(new Date("2026-03-01T10:00:01Z"), now)])
      expect(m).toMatch(THROTTLED_MESSAGE);
  });
});

describe("signInThrottleLimitsFromEnv", () => {
  it("reads RW_SIGNIN_* and falls back to the defaults", () => {
    expect(signInThrottleLimitsFromEnv({})).toEqual(SIGN_IN_THROTTLE_DEFAULTS);
    expect(SIGN_IN_THROTTLE_DEFAULTS).toEqual({
      freeFailuresPerAccountAndIp: 5,
      freeFailuresPerIp: 20,
      windowSeconds: 900,
      baseDelaySeconds: 1,
      maxDelaySeconds: 900,
    });
    expect(
      signInThrottleLimitsFromEnv({
        RW_SIGNIN_FREE_FAILURES_PER_ACCOUNT_AND_IP: "8",
        RW_SIGNIN_FREE_FAILURES_PER_IP: "50",
        RW_SIGNIN_WINDOW_SECONDS: "600",
        RW_SIGNIN_MAX_DELAY_SECONDS: "120",
      }),
    ).toEqual({
      freeFailuresPerAccountAndIp: 8,
      freeFailuresPerIp: 50,
      windowSeconds: 600,
      baseDelaySeconds: 1,
      maxDelaySeconds: 120,
    });
  });

  it("refuses a malformed value, and the retired lockout settings, naming the variable", () => {
    expect(() => signInThrottleLimitsFromEnv({ RW_SIGNIN_WINDOW_SECONDS: "15m" })).toThrow(/RW_SIGNIN_WINDOW_SECONDS/);
    expect(() => signInThrottleLimitsFromEnv({ RW_SIGNIN_FREE_FAILURES_PER_IP: "0" })).toThrow(
      /RW_SIGNIN_FREE_FAILURES_PER_IP/,
    );
    expect(() => signInThrottleLimitsFromEnv({ RW_SIGNIN_MAX_FAILURES_PER_ACCOUNT: "5" })).toThrow(/no longer exist/);
  });
});
