import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { THROTTLED_MESSAGE } from "@/components/auth/login-form";
import { authOptions } from "@/lib/auth";
import { authenticateUser, type SignInResult } from "@/lib/data/users";
import { hashPassword } from "@/lib/password";
import { SIGN_IN_THROTTLE_DEFAULTS, SignInThrottle, signInThrottleLimitsFromEnv, throttledMessage } from "@/lib/sign-in-throttle";
import { testDb, unique } from "@/lib/testing/test-database";

const db = testDb();
afterAll(() => db.$disconnect());

const WINDOW_SECONDS = 2;

/** Small limits so a test trips them in a few attempts; the window is short enough to wait out. */
function smallThrottle(overrides: { maxFailuresPerAccount?: number; maxFailuresPerIp?: number } = {}) {
  return new SignInThrottle({ maxFailuresPerAccount: 3, maxFailuresPerIp: 100, windowSeconds: WINDOW_SECONDS, ...overrides });
}

/** An address from the IPv6 documentation range that no other test uses. */
function uniqueIp(): string {
  const hex = randomBytes(6).toString("hex");
  return `2001:db8::${hex.slice(0, 4)}:${hex.slice(4, 8)}:${hex.slice(8, 12)}`;
}

async function makeUser() {
  const email = `${unique("throttle")}@example.org`;
  const password = `pw-${unique()}-${unique()}`;
  const user = await db.user.create({ data: { email, name: "Throttle Test", role: "RESEARCHER", passwordHash: await hashPassword(password) } });
  return { user, email, password };
}

const ghostEmail = () => `${unique("ghost")}@example.org`;

async function attempts(n: number, email: string, password: string, ip: string | null, throttle: SignInThrottle): Promise<SignInResult["status"][]> {
  const statuses: SignInResult["status"][] = [];
  for (let i = 0; i < n; i++) statuses.push((await authenticateUser(email, password, ip, throttle)).status);
  return statuses;
}

function retryAtOf(result: SignInResult): Date {
  if (result.status !== "throttled") throw new Error(`Expected a throttled attempt, got ${result.status}.`);
  return result.retryAt;
}

function throttledLog(email: string) {
  return db.auditEvent.findMany({ where: { kind: "sign-in", actorEmail: email, success: false, detail: { path: ["reason"], equals: "throttled" } } });
}

describe("sign-in throttling", () => {
  it("after the account's limit the right password is refused until the window ends, then works", async () => {
    const { email, password } = await makeUser();
    const throttle = smallThrottle();
    const ip = uniqueIp();
    expect(await attempts(3, email, "wrong password", ip, throttle)).toEqual(["invalid", "invalid", "invalid"]);

    const before = Date.now();
    const retryAt = retryAtOf(await authenticateUser(email, password, ip, throttle)).getTime();
    expect(retryAt).toBeGreaterThan(before);
    expect(retryAt).toBeLessThanOrEqual(before + WINDOW_SECONDS * 1000 + 50);
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { lastSignInAt: true } });
    expect(user.lastSignInAt).toBeNull();

    await new Promise((resolve) => setTimeout(resolve, retryAt - Date.now() + 100));
    expect((await authenticateUser(email, password, ip, throttle)).status).toBe("ok");
  });

  it("a successful sign-in clears the account's failures", async () => {
    const { email, password } = await makeUser();
    const throttle = smallThrottle();
    const ip = uniqueIp();
    // Without the reset the second pair of failures would reach the limit of three.
    expect(await attempts(2, email, "wrong password", ip, throttle)).toEqual(["invalid", "invalid"]);
    expect(await attempts(1, email, password, ip, throttle)).toEqual(["ok"]);
    expect(await attempts(2, email, "wrong password", ip, throttle)).toEqual(["invalid", "invalid"]);
    expect(await attempts(1, email, password, ip, throttle)).toEqual(["ok"]);
  });

  it("the per-IP limit trips across different emails, and only for that IP", async () => {
    const { email, password } = await makeUser();
    const throttle = smallThrottle({ maxFailuresPerAccount: 100, maxFailuresPerIp: 3 });
    const ip = uniqueIp();
    for (let i = 0; i < 3; i++) expect((await authenticateUser(ghostEmail(), "wrong password", ip, throttle)).status).toBe("invalid");

    expect((await authenticateUser(email, password, ip, throttle)).status).toBe("throttled");
    expect((await authenticateUser(email, password, uniqueIp(), throttle)).status).toBe("ok");
    const [log] = await throttledLog(email);
    expect(log).toMatchObject({ ip, detail: { reason: "throttled", limit: "ip" } });
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
      expect(throttledMessage(retryAtOf(result))).toMatch(THROTTLED_MESSAGE);
    }

    const [knownLog, ghostLog] = [await throttledLog(email), await throttledLog(ghost)];
    expect(knownLog).toHaveLength(2);
    expect(ghostLog).toHaveLength(2);
    expect(knownLog[0]).toMatchObject({ actorId: user.id, ip, success: false, detail: { reason: "throttled", limit: "account" } });
    expect(ghostLog[0]).toMatchObject({ actorId: null, ip, success: false, detail: { reason: "throttled", limit: "account" } });
    // Refused attempts were never checked, so none of them shows up as a wrong password.
    const logged = await db.auditEvent.findMany({ where: { kind: "sign-in", actorEmail: { in: [email, ghost] } }, select: { actorEmail: true, detail: true } });
    const reasons = logged.map((l) => `${l.actorEmail === email ? "known" : "ghost"} ${(l.detail as { reason: string }).reason}`).sort();
    expect(reasons).toEqual([
      ...Array(3).fill("ghost no-such-account"), "ghost throttled", "ghost throttled",
      "known throttled", "known throttled", ...Array(3).fill("known wrong-password"),
    ]);
  });

  it("concurrent guesses cannot get past the limit", async () => {
    const { email } = await makeUser();
    const throttle = smallThrottle();
    const results = await Promise.all(Array.from({ length: 8 }, () => authenticateUser(email, "wrong password", uniqueIp(), throttle)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual(["invalid", "invalid", "invalid", "throttled", "throttled", "throttled", "throttled", "throttled"]);
  });

  it("counts emails longer than the key column holds", async () => {
    const long = `${"a".repeat(300)}${unique()}@example.org`;
    const throttle = smallThrottle();
    expect(await attempts(4, long, "wrong password", uniqueIp(), throttle)).toEqual(["invalid", "invalid", "invalid", "throttled"]);
  });

  it("without options uses the defaults: five failures per account in fifteen minutes", async () => {
    const { email, password } = await makeUser();
    const ip = uniqueIp();
    for (let i = 0; i < 5; i++) expect((await authenticateUser(email, "wrong password", ip)).status).toBe("invalid");
    const inSeconds = (retryAtOf(await authenticateUser(email, password, ip)).getTime() - Date.now()) / 1000;
    expect(inSeconds).toBeGreaterThan(890);
    expect(inSeconds).toBeLessThanOrEqual(900);
  });
});

describe("the credentials provider", () => {
  type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
  const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

  async function outcome(email: string, password: string, ip: string): Promise<string> {
    try {
      return (await authorize({ email, password }, { headers: { "x-forwarded-for": `${ip}, 10.0.0.1` } })) ? "signed in" : "refused";
    } catch (error) {
      return (error as Error).message;
    }
  }

  it("throws the same throttle message for a known and an unknown email, and returns null before that", async () => {
    const { email, password } = await makeUser();
    const ghost = ghostEmail();
    const ip = uniqueIp();
    // A frozen clock gives both windows the same end, so the two messages can be compared whole.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2031-05-04T09:30:20Z") });
    try {
      const outcomes: [string, string][] = [];
      for (let i = 0; i < 6; i++) outcomes.push([await outcome(email, i === 5 ? password : "wrong password", ip), await outcome(ghost, "wrong password", ip)]);
      expect(outcomes.slice(0, 5)).toEqual(Array(5).fill(["refused", "refused"]));
      expect(outcomes[5]).toEqual([
        "Too many failed sign-in attempts. Try again after 09:46 UTC (in about 16 minutes).",
        "Too many failed sign-in attempts. Try again after 09:46 UTC (in about 16 minutes).",
      ]);
    } finally {
      vi.useRealTimers();
    }
    // The first forwarded-for hop is the address that is counted and logged.
    expect((await throttledLog(email)).map((l) => l.ip)).toEqual([ip]);
  });
});

describe("throttledMessage", () => {
  it("names the next whole minute in UTC and the minutes until then, in the form's pattern", () => {
    const now = new Date("2026-03-01T10:00:00Z");
    const message = throttledMessage(new Date("2026-03-01T10:14:05Z"), now);
    expect(message).toBe("Too many failed sign-in attempts. Try again after 10:15 UTC (in about 15 minutes).");
    expect(message).toMatch(THROTTLED_MESSAGE);
    const soon = throttledMessage(new Date("2026-03-01T10:00:02Z"), now);
    expect(soon).toBe("Too many failed sign-in attempts. Try again after 10:01 UTC (in about 1 minute).");
    expect(soon).toMatch(THROTTLED_MESSAGE);
  });
});

describe("signInThrottleLimitsFromEnv", () => {
  it("reads RW_SIGNIN_* and falls back to 5, 20 and 900", () => {
    expect(signInThrottleLimitsFromEnv({})).toEqual({ maxFailuresPerAccount: 5, maxFailuresPerIp: 20, windowSeconds: 900 });
    expect(SIGN_IN_THROTTLE_DEFAULTS).toEqual({ maxFailuresPerAccount: 5, maxFailuresPerIp: 20, windowSeconds: 900 });
    expect(
      signInThrottleLimitsFromEnv({ RW_SIGNIN_MAX_FAILURES_PER_ACCOUNT: "8", RW_SIGNIN_MAX_FAILURES_PER_IP: "50", RW_SIGNIN_WINDOW_SECONDS: "600" }),
    ).toEqual({ maxFailuresPerAccount: 8, maxFailuresPerIp: 50, windowSeconds: 600 });
  });

  it("refuses a malformed value, naming the variable", () => {
    expect(() => signInThrottleLimitsFromEnv({ RW_SIGNIN_WINDOW_SECONDS: "15m" })).toThrow(/RW_SIGNIN_WINDOW_SECONDS/);
    expect(() => signInThrottleLimitsFromEnv({ RW_SIGNIN_MAX_FAILURES_PER_IP: "0" })).toThrow(/RW_SIGNIN_MAX_FAILURES_PER_IP/);
  });
});
