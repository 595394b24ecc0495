import Link from "next/link";
import { CaseStatus, EventType, Verification } from "@/lib/generated/prisma/enums";
import { useTranslations } from "next-intl";
import type { ParamErrors } from "@/lib/validations/case-filter";
import { input } from "@/components/ui/styles";
import { COMPOSITION_GROUPS } from "@/lib/fields/case-composition";

/** The raw query as the user typed it, so a refused value stays in its field. */
export type RawQuery = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const all = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function Text({
  name,
  label,
  raw,
  errors,
  hint,
  placeholder,
  type = "text",
  list,
}: {
  name: string;
  label: string;
  raw: RawQuery;
  errors: ParamErrors;
  hint?: string;
  placeholder?: string;
  type?: string;
  list?: string;
}) {
  const error = errors[name];
  const described =
    [hint ? `f-${name}-hint` : "", error ? `f-${name}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={`f-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      {hint && (
        <p id={`f-${name}-hint`} className="text-xs text-stone-600">
          {hint}
        </p>
      )}
      <input
        id={`f-${name}`}
        name={name}
        type={type}
        list={list}
        defaultValue={first(raw[name])}
        placeholder={placeholder}
        className={input}
        aria-invalid={Boolean(error)}
        aria-describedby={described}
      />
      {error && (
        <p id={`f-${name}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

function Checks({
  name,
  legend,
  options,
  raw,
  errors,
}: {
  name: string;
  legend: string;
  options: [string, string][];
  raw: RawQuery;
  errors: ParamErrors;
}) {
  const chosen = new Set(all(raw[name]));
  const error = errors[name];
  return (
    <fieldset aria-describedby={error ? `f-${name}-error` : undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
        {options.map(([value, label]) => (
          <label key={value} className="inline-flex items-center gap-1 text-sm">
            <input type="checkbox" name={name} value={value} defaultChecked={chosen.has(value)} />
            {label}
          </label>
        ))}
      </div>
      {error && (
        <p id={`f-${name}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/**
 * The timeline's filters as a plain GET form: submitting puts them in the URL, so every view can
 * be bookmarked, shared and cited, and back/forward work without any script.
 */
export function FilterForm({
  action,
  raw,
  errors,
  outlets,
  contacts,
  terms = [],
  sort,
  by,
  column = false,
}: {
  action: string;
  raw: RawQuery;
  errors: ParamErrors;
  outlets: string[];
  /** Advocacy contacts, only for roles that may filter by them. */
  contacts?: { id: string; name: string }[];
  /** The research-field filters (crossing, facility…), each with its terms as [code, label]. */
  terms?: { param: string; field: string; options: [string, string][] }[];
  sort?: string;
  /** The chart step, kept across a new search like the sort. */
  by?: string;
  /** Laid out for a narrow side column (one field a row on wide screens). */
  column?: boolean;
}) {
  const tEnums = useTranslations("enums");
  const tComposition = useTranslations("composition");
  const t = useTranslations("filterForm");
  const tFields = useTranslations("fields.event");
  const tTerms = useTranslations("eventTerms");
  // Grid classes per layout: the wide form spreads fields across the page, the column stacks them.
  const grid = column
    ? {
        dates: "grid gap-3 sm:grid-cols-2 lg:grid-cols-1",
        q: "sm:col-span-2 lg:col-span-1",
        place: "grid gap-3 sm:grid-cols-3 lg:grid-cols-2",
        more: "grid gap-3 sm:grid-cols-3 lg:grid-cols-1",
      }
    : {
        dates: "grid gap-3 sm:grid-cols-2 lg:grid-cols-4",
        q: "sm:col-span-2",
        place: "grid gap-3 sm:grid-cols-3 lg:grid-cols-6",
        more: "grid gap-3 sm:grid-cols-3",
      };
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label={t("label")}
      className="space-y-4 rounded border border-stone-300 bg-white p-4"
    >
      {hasErrors && (
        <div
          role="alert"
          aria-label={t("problemsLabel")}
          className="rounded border border-red-600 bg-red-50 p-2 text-sm text-red-900"
        >
          <p>{t("problems")}</p>
          <ul className="list-disc pl-5">
            {Object.entries(errors).map(([name, message]) => (
              <li key={name}>
                <a href={`#f-${name}`} className="underline">
                  {name}
                </a>
                : {message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {sort && <input type="hidden" name="sort" value={sort} />}
      {by && <input type="hidden" name="by" value={by} />}
      <div className={grid.dates}>
        <div className={grid.q}>
          <Text name="q" label={t("q")} type="search" raw={raw} errors={errors} hint={t("qHint")} />
        </div>
        <Text name="from" label={t("from")} raw={raw} errors={errors} placeholder="2012-02" hint={t("fromHint")} />
        <Text name="to" label={t("to")} raw={raw} errors={errors} placeholder="2012-02" hint={t("toHint")} />
      </div>
      <label className="inline-flex items-center gap-2 text-sm">
        <input type="checkbox" name="exact" value="1" defaultChecked={["1", "true"].includes(first(raw.exact))} />
        {t("exact")}
      </label>
      <Checks
        name="type"
        legend={t("type")}
        options={Object.values(EventType).map((t) => [t, tEnums(`EventType.${t}`)])}
        raw={raw}
        errors={errors}
      />
      <Checks
        name="status"
        legend={t("status")}
        options={Object.values(CaseStatus).map((s) => [s, tEnums(`CaseStatus.${s}`)])}
        raw={raw}
        errors={errors}
      />
      <Checks
        name="verification"
        legend={t("verification")}
        options={Object.values(Verification).map((v) => [v, tEnums(`Verification.${v}`)])}
        raw={raw}
        errors={errors}
      />
      <Checks
        name="includes"
        legend={tComposition("includes")}
        options={COMPOSITION_GROUPS.map((g) => [g, tComposition(`groups.${g}`)])}
        raw={raw}
        errors={errors}
      />
      <div className={grid.place}>
        <Text name="country" label={t("country")} raw={raw} errors={errors} placeholder="CN" />
        <Text name="province" label={t("province")} raw={raw} errors={errors} />
        <Text name="city" label={t("city")} raw={raw} errors={errors} />
        <Text name="sizeMin" label={t("sizeMin")} type="number" raw={raw} errors={errors} />
        <Text name="sizeMax" label={t("sizeMax")} type="number" raw={raw} errors={errors} />
        <Text name="tag" label={t("tag")} raw={raw} errors={errors} />
      </div>
      <div className={grid.place}>
        {terms.map(({ param, field, options }) => (
          <div key={param}>
            <label htmlFor={`f-${param}`} className="block text-sm font-medium">
              {tFields(`${field}.label`)}
            </label>
            <select
              id={`f-${param}`}
              name={param}
              defaultValue={first(raw[param])}
              className={input}
              aria-invalid={Boolean(errors[param])}
              aria-describedby={errors[param] ? `f-${param}-error` : undefined}
            >
              <option value="">{tTerms("any")}</option>
              {options.map(([code, label]) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
            </select>
            {errors[param] && (
              <p id={`f-${param}-error`} className="text-sm text-red-700">
                {errors[param]}
              </p>
            )}
          </div>
        ))}
      </div>
      <div className={grid.more}>
        <Text name="outlet" label={t("outlet")} raw={raw} errors={errors} list="f-outlets" />
        <datalist id="f-outlets">
          {outlets.map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
        {contacts && (
          <div>
            <label htmlFor="f-contact" className="block text-sm font-medium">
              {t("contact")}
            </label>
            <select
              id="f-contact"
              name="contact"
              defaultValue={first(raw.contact)}
              className={input}
              aria-invalid={Boolean(errors.contact)}
            >
              <option value="">{t("any")}</option>
              {contacts.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            {errors.contact && <p className="text-sm text-red-700">{errors.contact}</p>}
          </div>
        )}
        <div>
          <label htmlFor="f-data" className="block text-sm font-medium">
            {t("data")}
          </label>
          <select id="f-data" name="data" defaultValue={first(raw.data) || "sourced"} className={input}>
            <option value="sourced">{t("dataSourced")}</option>
            <option value="all">{t("dataAll")}</option>
            <option value="synthetic">{t("dataSynthetic")}</option>
          </select>
        </div>
      </div>
      <div className="flex items-center gap-4">
        <button type="submit" className="rounded bg-stone-900 px-4 py-1.5 text-sm font-medium text-white">
          {t("apply")}
        </button>
        <Link href={action} className="text-sm underline">
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}
