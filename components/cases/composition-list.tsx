import { useTranslations } from "next-intl";
import type { CasePart } from "@/lib/data/composition";

/**
 * Who was in a group, part by part, each with its uncertainty as recorded: "at least 3", "3–5", the
 * best estimate and the source's words beside it, and how many recorded individuals are in the part.
 * A part's at-least figure is never below the individuals recorded in it.
 */
export function CompositionList({ parts }: { parts: CasePart[] }) {
  const t = useTranslations("composition");
  if (parts.length === 0) return <p className="text-stone-700">{t("none")}</p>;
  return (
    <ul className="space-y-1" data-testid="composition">
      {parts.map((p) => {
        const atLeast = Math.max(p.min ?? 0, p.fromPeople);
        const figure =
          p.max !== null && p.max !== atLeast
            ? t("range", { min: atLeast, max: p.max })
            : p.max !== null
              ? t("exactly", { count: atLeast })
              : t("atLeast", { count: atLeast });
        return (
          <li key={p.group} data-testid={`composition-${p.group}`}>
            <span className="font-medium">{t(`groups.${p.group}`)}</span>: {figure}
            {p.best !== null && <span className="text-stone-700"> ({t("best", { best: p.best })})</span>}
            {p.fromPeople > 0 && <span className="text-stone-700"> · {t("fromPeople", { count: p.fromPeople })}</span>}
            {p.wording && <span className="block text-sm text-stone-700">{t("wording", { wording: p.wording })}</span>}
          </li>
        );
      })}
    </ul>
  );
}
