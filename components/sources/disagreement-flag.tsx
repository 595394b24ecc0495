import { describeDisagreement, disagreements, type ValueClaim } from "@/lib/format/disagreements";
import { useTranslations } from "next-intl";
import { useFieldLabel } from "@/lib/i18n/field-labels";
import { CASE_FIELDS } from "@/lib/fields/case";

/**
 * Flags a figure whose sources give different values: "Sources disagree: 10 (Outlet A) vs 11
 * (Outlet B)". Renders nothing when they agree. With several fields (a group size has a minimum,
 * maximum and best estimate) each disagreeing field is named.
 */
export function DisagreementFlag({
  fieldClaims,
  fields,
}: {
  fieldClaims: Record<string, readonly ValueClaim[]>;
  fields: readonly string[];
}) {
  const found = disagreements(fieldClaims, fields);
  const t = useTranslations("disagreement");
  const fieldLabel = useFieldLabel(CASE_FIELDS, "history");
  if (found.length === 0) return null;
  return (
    <div
      role="note"
      data-testid="disagreement"
      className="mt-1 rounded border border-orange-600 bg-orange-50 px-2 py-1 text-sm text-orange-950"
    >
      {found.map((d) => (
        <p key={d.field}>
          <strong>
            {fields.length > 1 ? t("onField", { field: fieldLabel(d.field).toLowerCase() }) : t("heading")}
          </strong>{" "}
          {describeDisagreement(d)}
        </p>
      ))}
    </div>
  );
}
