import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Appends one row to the audit log (sign-ins, exports, admin actions). Never updated or deleted. */
export async function recordAuditEvent(event: {
  kind: string;
  success: boolean;
  actorId?: string | null;
  actorEmail?: string | null;
  ip?: string | null;
  detail?: Prisma.InputJsonValue;
}): Promise<void> {
  await db.auditEvent.create({
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
