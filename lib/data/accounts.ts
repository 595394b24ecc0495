import "server-only";
import { db } from "@/lib/db";
import { notFound, ruleBroken } from "@/lib/data/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import { passwordEmailProblem } from "@/lib/auth/password-policy";
import { can, requirePermission, type Actor } from "@/lib/auth/permissions";
import type { CreateUserInput } from "@/lib/validations/user";

type Tx = Prisma.TransactionClient;

/** Every account, for the admin page. Never includes password hashes (omitted globally). */
export async function listUsers(actor: Actor) {
  if (!can(actor, "manage:user:any")) return [];
  return db.user.findMany({
    where: { isSystem: false },
    orderBy: [{ disabled: "asc" }, { email: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabled: true,
      lastSignInAt: true,
      createdAt: true,
      isDemo: true,
    },
  });
}

async function audit(
  tx: Tx,
  actor: Actor,
  kind: string,
  target: { id: string; email: string },
  detail: Record<string, unknown> = {},
) {
  await tx.auditEvent.create({
    data: {
      kind,
      success: true,
      actorId: actor!.id,
      actorEmail: actor!.email,
      detail: { targetUserId: target.id, targetEmail: target.email, ...detail } as Prisma.InputJsonValue,
    },
  });
}

async function findUser(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({
    where: { id: userId, isSystem: false },
    select: { id: true, email: true, role: true, disabled: true },
  });
  // The system account (lib/data/system-actor.ts) is not an account anyone manages.
  if (!user) throw notFound("Account");
  return user;
}

/** Refuses a change that would leave no enabled admin, so nobody can lock the organisation out. */
async function assertAnotherAdminRemains(tx: Tx, userId: string) {
  const others = await tx.user.count({
    where: { role: "ADMIN", disabled: false, isSystem: false, id: { not: userId } },
  });
  if (others === 0) throw ruleBroken("This is the last enabled admin account; make another admin first.");
}

export async function createUserAccount(actor: Actor, input: CreateUserInput): Promise<{ id: string; email: string }> {
  requirePermission(actor, "manage:user:any");
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw ruleBroken(`An account with the email ${input.email} already exists.`);
    }
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash },
      select: { id: true, email: true },
    });
    await audit(tx, actor, "user-created", user, { role: input.role });
    return user;
  });
}

/** Changes a role; the user's sessions end so the new role applies from their next sign-in. */
export async function changeUserRole(actor: Actor, input: { userId: string; role: Role }): Promise<void> {
  requirePermission(actor, "manage:user:any");
  await db.$transaction(async (tx) => {
    const user = await findUser(tx, input.userId);
    if (user.role === input.role) return;
    if (user.role === "ADMIN") await assertAnotherAdminRemains(tx, user.id);
    await tx.user.update({ where: { id: user.id }, data: { role: input.role, sessionVersion: { increment: 1 } } });
    await audit(tx, actor, "role-changed", user, { from: user.role, to: input.role });
  });
}

/** Disables (or re-enables) an account; disabling ends its sessions on their next request. */
export async function setUserDisabled(actor: Actor, input: { userId: string; disabled: boolean }): Promise<void> {
  requirePermission(actor, "manage:user:any");
  await db.$transaction(async (tx) => {
    const user = await findUser(tx, input.userId);
    if (user.disabled === input.disabled) return;
    if (input.disabled && user.id === actor!.id) throw ruleBroken("You cannot disable your own account.");
    if (input.disabled && user.role === "ADMIN") await assertAnotherAdminRemains(tx, user.id);
    await tx.user.update({
      where: { id: user.id },
      data: { disabled: input.disabled, sessionVersion: { increment: 1 } },
    });
    await audit(tx, actor, input.disabled ? "user-disabled" : "user-enabled", user);
  });
}

/** Sets a new password chosen by the admin and ends the user's sessions. */
export async function resetUserPassword(actor: Actor, input: { userId: string; password: string }): Promise<void> {
  requirePermission(actor, "manage:user:any");
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    const user = await findUser(tx, input.userId);
    // The form's schema cannot know whose password it is: check the email rule here.
    const problem = passwordEmailProblem(input.password, user.email);
    if (problem) throw ruleBroken(problem);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await audit(tx, actor, "password-reset", user);
  });
}

/** Ends every session of the user at their next request. */
export async function signOutEverywhere(actor: Actor, input: { userId: string }): Promise<void> {
  requirePermission(actor, "manage:user:any");
  await db.$transaction(async (tx) => {
    const user = await findUser(tx, input.userId);
    await tx.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    await audit(tx, actor, "signed-out-everywhere", user);
  });
}
