"use client";
import { useTranslations } from "next-intl";
import type { UnmatchedValues, ValueMappings } from "@/lib/import/value-mapping";
import { CASE_STATUSES } from "@/lib/validations/case";
import { DataTable } from "@/components/ui/data-table";
import { button, EnumOptions, input } from "@/components/ui/form-fields";

/**
 * The dry run's unrecognised status and place values, each with how many rows it affects and a
 * choice of what it means: a status from the list, or a country code with province and city (as on
 * the case form). A value left without a choice stays refused. The choices go with the form's next
 * dry run (and a saved mapping); the mappings already made come in `values-json`.
 */
export function ValueMappingSection({
  unmatched,
  values,
  pending,
}: {
  unmatched: UnmatchedValues;
  values: ValueMappings;
  pending: boolean;
}) {
  const t = useTranslations("importPage");
  const { status, place } = unmatched;
  if (status.distinct + place.distinct === 0) return null;
  return (
    <section aria-labelledby="values-heading" className="space-y-3" data-testid="value-mapping">
      <h3 id="values-heading" className="font-semibold">
        {t("valuesHeading")}
      </h3>
      <p className="text-sm text-stone-700">{t("valuesHint")}</p>
      {status.values.length > 0 && (
        <div className="overflow-x-auto">
          <DataTable caption={t("statusValuesCaption")} columns={[t("value"), t("rows"), t("mapStatusTo")]}>
            <tbody>
              {status.values.map((v, i) => (
                <tr key={v.key} className="border-t border-stone-200 align-top">
                  <th scope="row" className="p-2 text-left font-medium">
                    {v.value}
                  </th>
                  <td className="p-2">{v.rows}</td>
                  <td className="p-2">
                    <input type="hidden" name={`status-value-${i}`} value={v.key} />
                    <select
                      name={`status-to-${i}`}
                      aria-label={t("mapStatusLabel", { value: v.value })}
                      defaultValue={Object.hasOwn(values.status, v.key) ? values.status[v.key] : ""}
                      className={input}
                    >
                      <option value="">{t("leaveRefused")}</option>
                      <EnumOptions enumName="CaseStatus" options={CASE_STATUSES} />
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </div>
      )}
      {place.values.length > 0 && (
        <div className="overflow-x-auto">
          <DataTable caption={t("placeValuesCaption")} columns={[t("value"), t("rows"), t("mapPlaceTo")]}>
            <tbody>
              {place.values.map((v, i) => {
                const mapped = Object.hasOwn(values.place, v.key) ? values.place[v.key] : null;
                return (
                  <tr key={v.key} className="border-t border-stone-200 align-top">
                    <th scope="row" className="p-2 text-left font-medium">
                      {v.value}
                    </th>
                    <td className="p-2">{v.rows}</td>
                    <td className="space-y-1 p-2">
                      <input type="hidden" name={`place-value-${i}`} value={v.key} />
                      <input
                        name={`place-country-${i}`}
                        aria-label={t("mapCountryLabel", { value: v.value })}
                        placeholder={t("countryPlaceholder")}
                        defaultValue={mapped?.country ?? ""}
                        maxLength={2}
                        className={`${input} w-20`}
                      />
                      <input
                        name={`place-province-${i}`}
                        aria-label={t("mapProvinceLabel", { value: v.value })}
                        placeholder={t("provincePlaceholder")}
                        defaultValue={mapped?.province ?? ""}
                        maxLength={120}
                        className={input}
                      />
                      <input
                        name={`place-city-${i}`}
                        aria-label={t("mapCityLabel", { value: v.value })}
                        placeholder={t("cityPlaceholder")}
                        defaultValue={mapped?.cityArea ?? ""}
                        maxLength={200}
                        className={input}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
        </div>
      )}
      {(status.distinct > status.values.length || place.distinct > place.values.length) && (
        <p className="text-sm">
          {t("moreValues", {
            count: status.distinct - status.values.length + place.distinct - place.values.length,
          })}
        </p>
      )}
      <button type="submit" name="intent" value="dry-run" disabled={pending} className={button}>
        {t("dryRunWithValues")}
      </button>
    </section>
  );
}
