/** The fields of what a signed-in user keeps on their account: API tokens and saved timeline views (see lib/fields/define.ts). */
import { messageKey } from "@/lib/i18n/message-key";
import { z } from "zod";
import { defineFields } from "@/lib/fields/define";
import { isStorableText, requiredText, unstorableMessage } from "@/lib/validations/fields";

/** The column's size: a canonical query longer than this cannot be saved. */
export const MAX_VIEW_QUERY_LENGTH = 2000;

const none = { history: false, exportColumn: null, api: null, sourced: false } as const;

export const API_TOKEN_FIELDS = defineFields("apiToken", {
  name: {
    ...none,
    schema: requiredText(100, "validation.label.tokenName", {
      missing: "validation.account.nameToken",
    }),
    widget: { kind: "text", plain: true },
    maxLength: 100,
    hint: true,
  },
});

/**
 * The timeline's query string, as the timeline passes it or as pasted: a whole link
 * ("https://…/timeline?from=2012-02"), "?from=2012-02" or "from=2012-02". Whether the filters in it
 * are valid is checked by the data layer (lib/validations/case-filter.ts), which names the parameter.
 */
const viewQuery = z
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
    messageKey("validation.account.viewFiltersTooLong", { max: MAX_VIEW_QUERY_LENGTH }),
  )
  .refine(isStorableText, unstorableMessage("validation.label.viewLink"));

export const SAVED_VIEW_FIELDS = defineFields("savedView", {
  name: {
    ...none,
    schema: requiredText(100, "validation.label.viewName", { missing: "validation.account.nameView" }),
    widget: { kind: "text", plain: true },
    maxLength: 100,
  },
  // A whole link is longer than the query it holds: the form takes more than the column keeps.
  query: { ...none, schema: viewQuery, widget: { kind: "text", plain: true, code: true }, maxLength: 2500, hint: true },
});
