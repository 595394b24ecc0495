import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAnnotation,
  listAnnotationsForCase,
  listOpenAnnotations,
  replyToAnnotation,
  resolveAnnotation,
} from "@/lib/data/annotations";
import { type Actor } from "@/lib/auth/permissions";
import { seedDatabase } from "@/prisma/seed/index";
import { keyringFromEnv } from "@/lib/crypto/encryption";
import { testDb, unique } from "@/lib/testing/test-database";

const db = testDb();
const actors = {} as Record<"RESEARCHER" | "EDITOR" | "STAFF", NonNullable<Actor>>;
let caseId: string;

beforeAll(async () => {
  await seedDatabase(db, { demo: true, keyring: keyringFromEnv() });
  for (const role of ["RESEARCHER", "EDITOR", "STAFF"] as const) {
    const u = await db.user.create({
      data: { email: `${unique(role.toLowerCase())}@example.org`, name: role, role, passwordHash: "x" },
    });
    actors[role] = { id: u.id, email: u.email, name: u.name, role };
  }
  caseId = (await db.case.findUniqueOrThrow({ where: { code: "CN-2012-0001" } })).id;
});
afterAll(() => db.$disconnect());

describe("annotations in the data layer", () => {
  it("staff write, editors reply, researchers and visitors can do neither and see nothing", async () => {
    const body = `Field note ${unique()}`;
    const { id } = await createAnnotation(actors.STAFF, { caseCode: "CN-2012-0001", field: "sizeMin", body });
    await replyToAnnotation(actors.EDITOR, { annotationId: id, body: "Reply" });
    await expect(createAnnotation(actors.EDITOR, { caseCode: "CN-2012-0001", body: "no" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(replyToAnnotation(actors.RESEARCHER, { annotationId: id, body: "no" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(replyToAnnotation(null, { annotationId: id, body: "no" })).rejects.toMatchObject({
      code: "forbidden",
    });

    expect(await listAnnotationsForCase(actors.RESEARCHER, caseId)).toEqual([]);
    expect(await listAnnotationsForCase(null, caseId)).toEqual([]);
    const threads = await listAnnotationsForCase(actors.EDITOR, caseId);
    const thread = threads.find((t) => t.id === id);
    expect(thread?.field).toBe("sizeMin");
    expect(thread?.replies.map((r) => r.body)).toEqual(["Reply"]);
    // Each write left a history row in the same transaction.
    expect(
      await db.recordChange.count({ where: { entity: "Annotation", caseId, newValue: { in: [body, "Reply"] } } }),
    ).toBe(2);
  });

  it("resolving checks the version: a stale resolve is refused and changes nothing", async () => {
    const { id } = await createAnnotation(actors.STAFF, { caseCode: "CN-2012-0001", body: `Case note ${unique()}` });
    await resolveAnnotation(actors.STAFF, { annotationId: id, version: 1 });
    await expect(resolveAnnotation(actors.STAFF, { annotationId: id, version: 1 })).rejects.toMatchObject({
      code: "conflict",
    });
    expect((await listOpenAnnotations(actors.STAFF)).map((a) => a.id)).not.toContain(id);
  });

  it("a case the actor may not see cannot be annotated, and says so as not found", async () => {
    await expect(createAnnotation(actors.STAFF, { caseCode: "CN-1999-0001", body: "x" })).rejects.toMatchObject({
      code: "not-found",
    });
    const otherCase = await db.case.findUniqueOrThrow({ where: { code: "CN-2012-0002" } });
    const event = await db.caseEvent.findFirstOrThrow({ where: { caseId: otherCase.id } });
    // An event of another case is refused.
    await expect(
      createAnnotation(actors.STAFF, { caseCode: "CN-2012-0001", eventId: event.id, body: "x" }),
    ).rejects.toMatchObject({ code: "not-found" });
  });
});
