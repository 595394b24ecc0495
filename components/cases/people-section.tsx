import type { PersonIdentity, PersonView } from "@/lib/data/people";
import { useTranslations } from "next-intl";
import { formatRange } from "@/lib/format/display";
import { BilingualText } from "@/components/ui/bilingual-text";
import { detectLang } from "@/lib/i18n/text-lang";

const IDENTITY_FIELDS = [
  ["realName", "Real name"],
  ["realNameAlt", "Real name, other script"],
  ["contactDetails", "Contact details"],
  ["exactAddress", "Exact address"],
] as const;

function RestrictedIdentity({ identity }: { identity: PersonIdentity }) {
  return (
    <div className="mt-3 rounded border border-red-300 bg-red-50 p-2" data-testid="person-restricted">
      <p className="text-xs font-semibold uppercase tracking-wide text-red-900">Restricted</p>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {IDENTITY_FIELDS.map(([field, label]) => (
          <div key={field} className="contents">
            <dt className="text-stone-700">{label}</dt>
            <dd>{identity[field] ?? <span className="text-stone-600">not recorded</span>}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/**
 * The people in a case as `listPeopleForCase` returned them for the viewer: pseudonymous details,
 * plus the restricted identity only when the data layer included it. Renders nothing for an empty list.
 */
export function PeopleSection({ people }: { people: PersonView[] }) {
  const tSex = useTranslations("enums.Sex");
  if (people.length === 0) return null;
  return (
    <section aria-labelledby="people" data-testid="people-section">
      <h2 id="people" className="text-lg font-semibold">
        People
      </h2>
      <p className="text-xs text-stone-600">
        Internal: editors, staff and admins see these pseudonymous details; identities, marked Restricted, are for staff
        and admins only.
      </p>
      <ul className="mt-2 space-y-3">
        {people.map((p) => (
          <li key={p.id} className="rounded border border-stone-200 p-3" data-testid="person">
            <p className="font-medium">
              <BilingualText text={p.alias} lang={detectLang(p.alias)} alt={p.aliasAlt} other />
            </p>
            <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-stone-700">Sex</dt>
              <dd>{tSex(p.sex)}</dd>
              <dt className="text-stone-700">Age</dt>
              <dd>{formatRange(p.ageMin, p.ageMax)}</dd>
              <dt className="text-stone-700">Relation</dt>
              <dd>{p.relation ?? "—"}</dd>
            </dl>
            {p.restricted && <RestrictedIdentity identity={p.restricted} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
