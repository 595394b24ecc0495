import { z } from "zod";
import { isStorableText, recordId, requiredText, unstorableMessage } from "@/lib/validations/fields";

/** Most saved views one user may keep. */
export const MAX_SAVED_VIEWS = 100;
/** The column's size: a canonical query longer than this cannot be saved. */
export const MAX_VIEW_QUERY_LENGTH = 2000;

const id = recordId("Unknown saved view.");

/**
 * The timeline's query string, as the timeline passes it or as pasted: a whole link
 * ("https://…/timeline?from=2012-02"), "?from=2012-02" or "from=2012-02". Whether the filters in it
 * are valid is checked by the data layer (lib/validations/case-filter.ts), which names the parameter.
 */
const query = z
  .string()
  .optional()
  .transform((v) => {
    const text = (v ?? "").trim().replace(/#.*$/, "");
    const mark = text.indexOf("?");
    if (mark >= 0) return text.slice(mark + 1);
    // A link without filters ("https://…/timeline", "/timeline") is the unfiltered view.
    return /^(https?:\/\/|\/)/i.test(text) ? "" : text;
  })
  .refine(
    (v) => v.length <= MAX_VIEW_QUERY_LENGTH,
    `The view's filters are limited to ${MAX_VIEW_QUERY_LENGTH.toLocaleString("en")} characters.`,
  )
  .refine(isStorableText, unstorableMessage("The view's link"));

export const saveViewSchema = z.object({
  name: requiredText(100, "The view's name", { missing: "Name the view." }),
  query,
});

export const deleteSavedViewSchema = z.object({ id });

export type SaveViewInput = z.infer<typeof saveViewSchema>;
