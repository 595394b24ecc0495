import "server-only";
import { db } from "@/lib/db";
import { createAdvocacyInTx } from "@/lib/data/advocacy";
import { caseWhereSql } from "@/lib/data/case-search";
import { createCaseInTx } from "@/lib/data/case-writes";
import { createContactInTx } from "@/lib/data/contacts";
import { notFound, ruleBroken } from "@/lib/data/errors";
import { findVisibleCase } from "@/lib/data/visibility";
import { createEventInTx, eventData } from "@/lib/data/events";
import { captureSourceInTx, sourceQuoter } from "@/lib/data/sources";
import { Prisma } from "@/lib/generated/prisma/client";
import { can, requirePermission, type Actor } from "@/lib/auth/permissions";
import { filterFromQuery } from "@/lib/validations/case-filter";
import type { IntakeSaveInput } from "@/lib/validations/intake";

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export type IntakeDuplicate = {
  code: string;
  title: string;
  sizeMin: number;
  province: string | null;
  cityArea: string | null;
  firstEventEarliest: Date | null;
  lastEventLatest: Date | null;
};

/**
 * Existing cases that may be the same group as a drafted one: same country (and province when
 * known) with an event within three days of the draft's dates. Uses the timeline's filter, so it
 * sees exactly the cases the actor may see.
 */
export async function findIntakeDuplicates(
  actor: Actor,
  draft: { country: string; province?: string | null; dateEarliest: string; dateLatest: string },
): Promise<IntakeDuplicate[]> {
  if (!can(actor, "create:case:any")) return [];
  const from = isoDay(new Date(new Date(`${draft.dateEarliest}T00:00:00Z`).getTime() - 3 * DAY));
  const to = isoDay(new Date(new Date(`${draft.dateLatest}T00:00:00Z`).getTime() + 3 * DAY));
  const query = new URLSearchParams({ country: draft.country, from, to, data: "all" });
  if (draft.province) query.set("province", draft.province);
  const filter = filterFromQuery(query.toString());
  return db.$queryRaw<IntakeDuplicate[]>(Prisma.sql`
    SELECT c."code", c."title", c."sizeMin", c."province", c."cityArea", c."firstEventEarliest", c."lastEventLatest"
    FROM "Case" c WHERE ${caseWhereSql(actor, filter)} ORDER BY c."firstEventEarliest" ASC NULLS LAST, c."code" LIMIT 10`);
}

/** The reason every history row of one intake carries: where the records came from. */
export function intakeReason(source: { title: string; outlet: string; publishedAt?: Date | null }): string {
  return `From report "${source.title}" (${source.outlet}${source.publishedAt ? `, ${isoDay(source.publishedAt)}` : ""})`;
}

/**
 * Saves a reviewed report in one transaction: the source (or its earlier capture), each case (new,
 * or its events merged into an existing one) with its events and the quotes behind its size and
 * dates, the contacts and the advocacy actions. Every history row says which report it came from.
 * Any failure rolls everything back: nothing is half-saved.
 */
export async function saveReportIntake(
  actor: Actor,
  input: IntakeSaveInput,
  today = new Date(),
): Promise<{ sourceId: string; caseCodes: string[] }> {
  for (const p of ["create:case:any", "write:event:any", "write:source:any"] as const) requirePermission(actor, p);
  if (input.contacts.length) requirePermission(actor, "write:contact:any");
  if (input.actions.length) requirePermission(actor, "write:advocacy:any");
  const reason = intakeReason(input.source);
  const text = input.source.text;

  return db.$transaction(
    async (tx) => {
      const source = await captureSourceInTx(tx, actor, input.source, reason);
      const claim = sourceQuoter(tx, actor, { id: source.id, text }, reason);

      const saved: { id: string; code: string }[] = [];
      for (const draft of input.cases) {
        let target: { id: string; code: string };
        if (draft.mergeInto) {
          const found = await findVisibleCase(actor, draft.mergeInto, tx);
          if (!found) throw notFound("Case");
          target = found;
        } else {
          const firstYear = draft.events
            .map((e) => e.dateEarliest)
            .sort()[0]
            ?.slice(0, 4);
          // Codes carry the year the group was caught when the report dates it (CN-2012-0004).
          const year = firstYear ? Number(firstYear) : today.getUTCFullYear();
          const { status, sizeQuote } = draft;
          const fields = { ...draft, mergeInto: undefined, status: undefined, sizeQuote: undefined, events: undefined };
          target = await createCaseInTx(tx, actor, fields, { year, status, statusManual: Boolean(status), reason });
          if (sizeQuote) {
            await claim(target.id, sizeQuote, { target: "FIELD", field: "sizeMin", value: String(draft.sizeMin) });
            if (draft.sizeMax !== undefined)
              await claim(target.id, sizeQuote, { target: "FIELD", field: "sizeMax", value: String(draft.sizeMax) });
            if (draft.sizeBest !== undefined)
              await claim(target.id, sizeQuote, { target: "FIELD", field: "sizeBest", value: String(draft.sizeBest) });
          }
        }
        for (const e of draft.events) {
          const event = await createEventInTx(tx, actor, target.id, eventData(e), reason);
          if (e.quote) await claim(target.id, e.quote, { target: "EVENT", eventId: event.id });
        }
        saved.push(target);
      }

      const contactIds: string[] = [];
      for (const c of input.contacts) {
        if (c.existingId) {
          const existing = await tx.contact.findFirst({
            where: { id: c.existingId, deletedAt: null },
            select: { id: true },
          });
          if (!existing) throw notFound("Contact");
          contactIds.push(existing.id);
          continue;
        }
        const notes = c.quote ? `Named in the report: "${c.quote}"` : "";
        const created = await createContactInTx(
          tx,
          actor,
          {
            name: c.name,
            kind: c.kind,
            role: c.role || null,
            organisation: c.organisation || null,
            country: null,
            notes,
            contactDetails: undefined,
          },
          reason,
        );
        contactIds.push(created.id);
      }

      for (const a of input.actions) {
        for (const index of a.caseIndexes) {
          await createAdvocacyInTx(
            tx,
            actor,
            saved[index].id,
            {
              contactId: contactIds[a.contactIndex],
              kind: a.kind,
              date: new Date(`${a.date}T00:00:00Z`),
              askedFor: a.askedFor,
              response: "NO_RESPONSE",
              status: "AWAITING_RESPONSE",
              followUpDue: undefined,
              notes: a.quote ? `According to the report: "${a.quote}"` : "",
            },
            reason,
          );
        }
      }
      return { sourceId: source.id, caseCodes: saved.map((s) => s.code) };
    },
    { timeout: 30_000 },
  );
}
