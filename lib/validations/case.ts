import { z } from "zod";
import { caseCode, countryCode, optionalCount as count, optionalText, requiredText, textOrEmpty, version } from "@/lib/validations/fields";

export const CASE_STATUSES = ["REPORTED_DETAINED", "AT_RISK_OF_REPATRIATION", "REPATRIATED", "RELEASED", "REACHED_SAFETY", "DIED", "UNKNOWN"] as const;
export const VERIFICATIONS = ["CONFIRMED", "LIKELY", "POSSIBLE", "UNVERIFIED"] as const;
export const PRIORITIES = ["URGENT", "HIGH", "NORMAL", "LOW"] as const;
/** Cases are created and edited as internal or restricted; making one public goes through the preview. */
export const EDITABLE_VISIBILITIES = ["INTERNAL", "RESTRICTED"] as const;


/** The fields of a case form, before the cross-field checks (shared with report intake). */
export const caseFields = z.object({
  title: requiredText(300, "The title", { min: 3, missing: "Give the case a title (3+ characters)." }),
  summary: textOrEmpty(10000, "The summary"),
  sizeMin: z.coerce.number({ message: "The minimum group size must be a number." }).int("Whole people only.").min(1, "A group has at least 1 person.").max(100000, "That group size is too large."),
  sizeMax: count("The maximum group size"),
  sizeBest: count("The best estimate"),
  sizeWording: optionalText(300, "The reported wording"),
  country: countryCode,
  province: optionalText(120, "Province"),
  cityArea: optionalText(200, "City or area"),
  verification: z.enum(VERIFICATIONS, { message: "Choose a verification level." }),
  priority: z.enum(PRIORITIES, { message: "Choose a priority." }),
  visibility: z.enum(EDITABLE_VISIBILITIES, { message: "Choose internal or restricted; publish from the preview." }),
  familyInSouthMin: count("With family in South Korea (min)"),
  familyInSouthMax: count("With family in South Korea (max)"),
  askedForHelpMin: count("Asked for help (min)"),
  askedForHelpMax: count("Asked for help (max)"),
  tags: z.preprocess(
    (v) => (typeof v === "string" ? v.split(",").map((t) => t.trim().toLowerCase()).filter(Boolean) : v ?? []),
    z.array(z.string().max(40, "Tags are limited to 40 characters each.").regex(/^[a-z0-9][a-z0-9 _-]*$/, "Tags use letters, digits, spaces, - and _.")).max(20, "At most 20 tags."),
  ),
});

/** min ≤ best ≤ max, for each range on the form. */
export function checkRanges(v: z.infer<typeof caseFields>, ctx: z.RefinementCtx) {
  if (v.sizeMax !== undefined && v.sizeMax < v.sizeMin) ctx.addIssue({ code: "custom", path: ["sizeMax"], message: "The maximum cannot be below the minimum." });
  if (v.sizeBest !== undefined && (v.sizeBest < v.sizeMin || (v.sizeMax !== undefined && v.sizeBest > v.sizeMax))) {
    ctx.addIssue({ code: "custom", path: ["sizeBest"], message: "The best estimate must lie between the minimum and the maximum." });
  }
  for (const [min, max] of [["familyInSouthMin", "familyInSouthMax"], ["askedForHelpMin", "askedForHelpMax"]] as const) {
    const lo = v[min];
    const hi = v[max];
    if (lo !== undefined && hi !== undefined && hi < lo) ctx.addIssue({ code: "custom", path: [max], message: "The maximum cannot be below the minimum." });
    if (lo !== undefined && lo > (v.sizeMax ?? Number.MAX_SAFE_INTEGER)) ctx.addIssue({ code: "custom", path: [min], message: "Cannot be more than the group size." });
  }
}

export const createCaseSchema = caseFields.superRefine(checkRanges);

export const updateCaseSchema = caseFields
  .extend({
    code: caseCode(),
    version,
    status: z.enum(CASE_STATUSES, { message: "Choose a status." }),
    reason: optionalText(2000, "The reason"),
  })
  .superRefine(checkRanges);

export const archiveCaseSchema = z.object({
  code: caseCode(),
  version,
  reason: optionalText(2000, "The reason"),
});

export type CreateCaseInput = z.infer<typeof createCaseSchema>;
export type UpdateCaseInput = z.infer<typeof updateCaseSchema>;
