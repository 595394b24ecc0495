import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFromApiToken, createApiToken, hashApiToken, listApiTokens, revokeApiToken } from "@/lib/data/api-tokens";
import { type Actor } from "@/lib/auth/permissions";
import { MAX_ACTIVE_API_TOKENS } from "@/lib/validations/api-token";
import { createTestUser, testDb, unique } from "@/lib/testing/test-database";

const db = testDb();

let researcher: NonNullable<Actor>;
let other: NonNullable<Actor>;

beforeAll(async () => {
  researcher = await createTestUser(db, "RESEARCHER");
  other = await createTestUser(db, "EDITOR");
});
afterAll(() => db.$disconnect());

describe("API tokens", () => {
  it("a new token acts as its owner; only its hash is stored", async () => {
    const name = `script ${unique()}`;
    const { id, token, prefix } = await createApiToken(researcher, name);
    expect(token).toMatch(/^rw_[A-Za-z0-9_-]{43}$/);
    expect(prefix).toBe(token.slice(0, 10));

    expect(await actorFromApiToken(token)).toEqual({
      id: researcher.id,
      email: researcher.email,
      name: researcher.name,
      role: "RESEARCHER",
    });

    const row = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(hashApiToken(token));
    expect(row.userId).toBe(researcher.id);
    for (const value of Object.values(row)) expect(String(value)).not.toContain(token);
    expect(row.lastUsedAt).not.toBeNull(); // recorded by the call above

    const listed = await listApiTokens(researcher);
    expect(listed[0]).toEqual({
      id,
      name,
      prefix,
      createdAt: row.createdAt,
      lastUsedAt: row.lastUsedAt,
      revokedAt: null,
    });
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(JSON.stringify(listed)).not.toContain(row.tokenHash);
  });

  it("lists newest first and only the actor's own tokens", async () => {
    const a = await createApiToken(researcher, `first ${unique()}`);
    const b = await createApiToken(researcher, `second ${unique()}`);
    const theirs = await createApiToken(other, `theirs ${unique()}`);
    const ids = (await listApiTokens(researcher)).map((t) => t.id);
    expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
    expect(ids).not.toContain(theirs.id);
    await revokeApiToken(researcher, a.id);
    await revokeApiToken(researcher, b.id);
    await revokeApiToken(other, theirs.id);
  });

  it("a revoked token is invalid at once; the row is kept", async () => {
    const { id, token } = await createApiToken(researcher, `revoke me ${unique()}`);
    expect(await revokeApiToken(researcher, id)).toEqual({ name: expect.any(String), alreadyRevoked: false });
    expect(await actorFromApiToken(token)).toBe("invalid");
    const row = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.revokedAt).not.toBeNull();
    // Again: nothing changes, no second audit row.
    expect((await revokeApiToken(researcher, id)).alreadyRevoked).toBe(true);
    expect(
      await db.auditEvent.count({
        where: { kind: "api-token-revoked", actorId: researcher.id, detail: { path: ["tokenId"], equals: id } },
      }),
    ).toBe(1);
  });

  it("a disabled user's token is invalid, and works again only if the account is re-enabled", async () => {
    const user = await createTestUser(db, "RESEARCHER");
    const { token } = await createApiToken(user, "disabled test");
    await db.user.update({ where: { id: user.id }, data: { disabled: true } });
    expect(await actorFromApiToken(token)).toBe("invalid");
    // A disabled account cannot make new tokens either, even with a session that is still open.
    await expect(createApiToken(user, "after disabling")).rejects.toMatchObject({ code: "forbidden" });
    await db.user.update({ where: { id: user.id }, data: { disabled: false } });
    expect(await actorFromApiToken(token)).not.toBe("invalid");
  });

  it("malformed and unknown tokens are invalid", async () => {
    expect(await actorFromApiToken("")).toBe("invalid");
    expect(await actorFromApiToken("not-a-token")).toBe("invalid");
    expect(await actorFromApiToken(`rw_${"A".repeat(43)}`)).toBe("invalid");
  });

  it("someone else cannot revoke a token (not found); it keeps working", async () => {
    const { id, token } = await createApiToken(researcher, `mine ${unique()}`);
    await expect(revokeApiToken(other, id)).rejects.toMatchObject({ code: "not-found" });
    await expect(revokeApiToken(researcher, "c0000000000000000000000000")).rejects.toMatchObject({ code: "not-found" });
    expect(await actorFromApiToken(token)).not.toBe("invalid");
    await revokeApiToken(researcher, id);
  });

  it("visitors are refused", async () => {
    await expect(createApiToken(null, "visitor")).rejects.toMatchObject({ code: "forbidden" });
    expect(await listApiTokens(null)).toEqual([]);
    await expect(revokeApiToken(null, "c0000000000000000000000000")).rejects.toMatchObject({ code: "forbidden" });
  });

  it(`at most ${MAX_ACTIVE_API_TOKENS} active tokens; revoking one makes room`, async () => {
    const user = await createTestUser(db, "STAFF");
    const made = [];
    for (let i = 0; i < MAX_ACTIVE_API_TOKENS; i++) made.push(await createApiToken(user, `token ${i}`));
    const refused = createApiToken(user, "one too many");
    await expect(refused).rejects.toMatchObject({ code: "rule" });
    await expect(refused).rejects.toThrow(/10 active tokens.*Revoke one/);
    expect(await db.apiToken.count({ where: { userId: user.id } })).toBe(MAX_ACTIVE_API_TOKENS);

    await revokeApiToken(user, made[0].id);
    await expect(createApiToken(user, "after revoking")).resolves.toMatchObject({
      prefix: expect.stringMatching(/^rw_/),
    });
  });

  it("concurrent creations cannot pass the limit", async () => {
    const user = await createTestUser(db, "RESEARCHER");
    for (let i = 0; i < MAX_ACTIVE_API_TOKENS - 1; i++) await createApiToken(user, `token ${i}`);
    const results = await Promise.allSettled([
      createApiToken(user, "race a"),
      createApiToken(user, "race b"),
      createApiToken(user, "race c"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.apiToken.count({ where: { userId: user.id, revokedAt: null } })).toBe(MAX_ACTIVE_API_TOKENS);
  });

  it("creating and revoking are audited with the token's id, name and prefix, never the token", async () => {
    const user = await createTestUser(db, "RESEARCHER");
    const name = `audited ${unique()}`;
    const { id, token, prefix } = await createApiToken(user, name);
    await revokeApiToken(user, id);
    const events = await db.auditEvent.findMany({ where: { actorId: user.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.kind, e.success, e.actorEmail, e.detail])).toEqual([
      ["api-token-created", true, user.email, { tokenId: id, name, prefix }],
      ["api-token-revoked", true, user.email, { tokenId: id, name, prefix }],
    ]);
    expect(JSON.stringify(events, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain(token);
    expect(JSON.stringify(events, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain(
      hashApiToken(token),
    );
  });
});
