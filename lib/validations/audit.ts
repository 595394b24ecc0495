import { z } from "zod";
import { isStorableText } from "@/lib/validations/fields";

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
/** A filter box's value: anything that cannot be searched for is treated as empty, not as a 500. */
const searchText = (max: number) =>
  z
    .preprocess(one, z.string().trim().max(max).refine(isStorableText).optional().catch(undefined))
    .transform((v) => v || undefined);

/** The audit log's filters, from the URL of /admin/audit. */
export const auditFilterSchema = z.object({
  kind: searchText(64),
  email: searchText(320).transform((v) => v?.toLowerCase()),
  outcome: z.preprocess(one, z.enum(["success", "failure"]).optional().catch(undefined)),
  page: z.preprocess(one, z.coerce.number().int().min(1).max(100_000).catch(1)).default(1),
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;
