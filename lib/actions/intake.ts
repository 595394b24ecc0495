"use server";
import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runFormAction, type ActionState } from "@/lib/actions/action-state";
import { now } from "@/lib/clock";
import { listContactOptions } from "@/lib/data/contacts";
import { findEarlierCapture } from "@/lib/data/sources";
import { findIntakeDuplicates, saveReportIntake } from "@/lib/data/intake";
import { rankDuplicates } from "@/lib/format/duplicates";
import { formatCodeRanges, formatDay, formatPlace, formatUncertainDate, isoDay } from "@/lib/format/display";
import { extractReport } from "@/lib/intake/extract";
import type { IntakeProposal } from "@/lib/intake/proposal";
import { intakeSaveSchema, MAX_REPORT_TEXT, reportInputSchema } from "@/lib/validations/intake";

/** Step 1: read a pasted report and propose records. Nothing is written. */
export async function proposeFromReportAction(
  previous: ActionState | FormData,
  formData?: FormData,
): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "create:case:any",
    schema: reportInputSchema(await now()),
    invalidMessage: "Check the highlighted fields. Nothing was read.",
    run: async (actor, input, values) => {
      const extraction = extractReport(input.text, {
        publishedAt: input.publishedAt,
        outlet: input.outlet,
        url: input.url,
        now: await now(),
      });
      // Without a publication date no relative date ("last Wednesday") can be placed, so no event is
      // proposed: ask for it first, offering the latest full date the text mentions, unless the
      // editor chooses to go on without one.
      if (!extraction.publishedAt && values.withoutDate !== "yes" && !extraction.rejected) {
        const candidate = extraction.publishedAtCandidate ?? null;
        const why =
          "The report does not say when it was published, so dates such as “last Wednesday” cannot be placed.";
        return {
          status: "invalid",
          message: "Give the report's publication date first. Nothing was read yet.",
          errors: {
            publishedAt: candidate
              ? `${why} The text mentions ${candidate}, filled in here: check that it is the publication date (or correct it) and propose again.`
              : `${why} Give the date it was published, or tick “Propose without a publication date”.`,
          },
          values: candidate ? { ...values, publishedAt: candidate } : values,
        };
      }
      const [contacts, earlier] = await Promise.all([listContactOptions(actor), findEarlierCapture(actor, input.text)]);
      const found = await Promise.all(
        extraction.groups.map(async (g) => {
          const first = g.events[0];
          if (!first) return [];
          const found = await findIntakeDuplicates(actor, {
            country: g.place?.value.country ?? "CN",
            province: g.place?.value.province,
            dateEarliest: first.dateEarliest,
            dateLatest: first.dateLatest,
          });
          // Best match first, with what matches: the city or province, the days apart, the size.
          const ranked = rankDuplicates(
            {
              sizeMin: g.size.value.min,
              sizeMax: g.size.value.max ?? undefined,
              province: g.place?.value.province ?? undefined,
              cityArea: g.place?.value.city ?? undefined,
              caughtOn: first.dateEarliest,
            },
            found.map((d) => ({ ...d, sizeMax: null })),
          );
          return ranked.map((d) => ({
            code: d.code,
            title: d.title,
            sizeMin: d.sizeMin,
            place: formatPlace({ country: g.place?.value.country ?? "CN", province: d.province, cityArea: d.cityArea }),
            dates:
              d.firstEventEarliest && d.lastEventLatest
                ? formatUncertainDate(d.firstEventEarliest, d.lastEventLatest, "DAY")
                : "undated",
            reasons: d.reasons,
          }));
        }),
      );
      // The cases the earlier capture backs are offered to add to, for every group, after the look-alikes.
      const linked = (earlier?.cases ?? []).map((d) => ({
        code: d.code,
        title: d.title,
        sizeMin: d.sizeMin,
        place: formatPlace(d),
        dates:
          d.firstEventEarliest && d.lastEventLatest
            ? formatUncertainDate(d.firstEventEarliest, d.lastEventLatest, "DAY")
            : "undated",
      }));
      const duplicates = found.map((list) => [...list, ...linked.filter((l) => !list.some((d) => d.code === l.code))]);
      const codes = linked.map((l) => l.code);
      const earlierCapture = earlier
        ? {
            id: earlier.id,
            title: earlier.title,
            outlet: earlier.outlet,
            capturedOn: isoDay(earlier.retrievedAt),
            codes,
            summary: `This text was already captured on ${formatDay(earlier.retrievedAt)} as “${earlier.title}” (${earlier.outlet})${codes.length ? `, linked to ${formatCodeRanges(codes)}` : ", not yet linked to a case"}. Saving adds to that capture; to add what it says to ${codes.length === 1 ? "that case" : "those cases"}, choose ${codes.length === 1 ? "it" : "one"} under “Possible duplicates” for each group.`,
          }
        : undefined;
      const byName = new Map(contacts.map((c) => [c.name.toLowerCase(), c.id]));
      const proposal: IntakeProposal = {
        id: randomUUID(),
        text: input.text,
        input: { url: input.url, outlet: input.outlet, publishedAt: input.publishedAt },
        extraction,
        duplicates,
        contacts,
        contactMatches: extraction.people.map((p) => byName.get(p.value.name.toLowerCase()) ?? null),
        earlierCapture,
      };
      const groups = extraction.groups.length;
      return {
        status: "ok",
        message: `${earlierCapture ? "Already captured. " : ""}Read the report: ${groups} ${groups === 1 ? "group" : "groups"}, ${extraction.people.length} ${extraction.people.length === 1 ? "person" : "people"}, ${extraction.appeals.length} ${extraction.appeals.length === 1 ? "appeal" : "appeals"} proposed. Review them below; nothing is saved yet.`,
        proposal,
      };
    },
  });
}

/** The review form's JSON payload: at most the report twice over, plus the drafts. */
const payloadSchema = z.object({
  payload: z
    .string({ message: "Nothing to save." })
    .min(2, "Nothing to save.")
    .max(3 * MAX_REPORT_TEXT, "Too much to save at once."),
});

/** Step 2: save what the user kept, in one transaction. */
export async function saveFromReportAction(
  previous: ActionState | FormData,
  formData?: FormData,
): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "create:case:any",
    schema: payloadSchema,
    run: async (actor, { payload }) => {
      let json: unknown;
      try {
        json = JSON.parse(payload);
      } catch {
        return { status: "invalid", message: "The review could not be read. Nothing was saved." };
      }
      const parsed = intakeSaveSchema.safeParse(json);
      if (!parsed.success) {
        const errors: Record<string, string> = {};
        for (const issue of parsed.error.issues) errors[issue.path.join(".") || "form"] ??= issue.message;
        return { status: "invalid", message: "Check the highlighted values. Nothing was saved.", errors };
      }
      const { caseCodes } = await saveReportIntake(actor, parsed.data, await now());
      for (const code of caseCodes) revalidatePath(`/cases/${code}`);
      revalidatePath("/cases");
      return {
        status: "ok",
        message: `Saved ${caseCodes.length} ${caseCodes.length === 1 ? "case" : "cases"} from the report.`,
        savedCases: caseCodes,
      };
    },
  });
}
