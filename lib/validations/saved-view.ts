import { z } from "zod";
import { SAVED_VIEW_FIELDS } from "@/lib/fields/account";
import { schemaOf } from "@/lib/fields/define";
import { recordId } from "@/lib/validations/fields";

export { MAX_VIEW_QUERY_LENGTH } from "@/lib/fields/account";

/** Most saved views one user may keep. */
export const MAX_SAVED_VIEWS = 100;
const id = recordId("validation.account.unknownSavedView");

export const saveViewSchema = schemaOf(SAVED_VIEW_FIELDS);

export const deleteSavedViewSchema = z.object({ id });

export type SaveViewInput = z.infer<typeof saveViewSchema>;
