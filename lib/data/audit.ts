import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor } from "@/lib/auth/permissions";

/**
 * Appends one row to the audit log (sign-ins, exports, admin actions). Never updated or deleted.
 * Pass a transaction as `client` to make the row commit or fail with the change it records.
 */
export async function recordAuditEvent(
  event: {
    kind: string;
    success: boolean;
    actorId?: string | null;
    actorEmail?: string | null;
    ip?: string | null;
    detail?: Prisma.InputJsonValue;
  },
  client: Pick<Prisma.TransactionClient, "auditEvent"> = db,
): Promise<void> {
  await client.auditEvent.create({
    data: {
      kind: event.kind,
      success: event.success,
      actorId: event.actorId ?? null,
      actorEmail: event.actorEmail?.slice(0, 320) ?? null,
      ip: event.ip?.slice(0, 64) ?? null,
      detail: event.detail,
    },
  });
}

export const AUDIT_PAGE_SIZE = 100;

/** The audit log for admins, newest first, filtered by kind, outcome and email. */
export async function listAuditEvents(
  actor: Actor,
  filter: { kind?: string; success?: boolean; email?: string; page?: number },
) {
  if (!can(actor, "read:audit:any")) return null;
  const where: Prisma.AuditEventWhereInput = {
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.success === undefined ? {} : { success: filter.success }),
    ...(filter.email ? { actorEmail: { contains: filter.email.toLowerCase() } } : {}),
  };
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const [total, events, kinds] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: { id: true, at: true, kind: true, success: true, actorEmail: true, ip: true, detail: true },
    }),
    db.auditEvent.findMany({ distinct: ["kind"], select: { kind: true }, orderBy: { kind: "asc" } }),
  ]);
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    kinds: kinds.map((k) => k.kind),
    events: events.map((e) => ({ ...e, id: e.id.toString() })),
  };
}
