"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/action-state";

/**
 * The existing cases a new one may duplicate, best match first with why, and the hidden field that
 * lets the next save go through as "not a duplicate". One place for the case form and the one-pass log.
 */
export function PossibleDuplicates({ duplicates }: { duplicates: ActionState["duplicates"] }) {
  const t = useTranslations("caseForm");
  if (!duplicates) return null;
  return (
    <div className="mt-2 rounded border border-amber-500 bg-amber-50 p-3 text-sm">
      <p className="font-medium">{t("duplicates")}</p>
      <ul className="list-disc pl-5">
        {duplicates.map((d) => (
          <li key={d.code}>
            <Link href={`/cases/${d.code}`} target="_blank" className="underline">
              {d.code}
            </Link>{" "}
            — {t("duplicate", { title: d.title, sizeMin: d.sizeMin, place: d.place })}
            {d.reasons && d.reasons.length > 0 && (
              <span className="block text-stone-700">{t("matches", { reasons: d.reasons.join(", ") })}</span>
            )}
          </li>
        ))}
      </ul>
      <input type="hidden" name="confirmNotDuplicate" value="yes" />
      <p className="mt-1">{t("duplicatesHint")}</p>
    </div>
  );
}
