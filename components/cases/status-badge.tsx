import type { CaseStatus } from "@/lib/generated/prisma/enums";
import { useTranslations } from "next-intl";

const COLOURS: Record<CaseStatus, string> = {
  REPORTED_DETAINED: "bg-orange-100 text-orange-900 border-orange-300",
  AT_RISK_OF_REPATRIATION: "bg-red-100 text-red-900 border-red-300",
  REPATRIATED: "bg-stone-800 text-white border-stone-800",
  RELEASED: "bg-sky-100 text-sky-900 border-sky-300",
  REACHED_SAFETY: "bg-green-100 text-green-900 border-green-300",
  DIED: "bg-stone-300 text-stone-900 border-stone-500",
  UNKNOWN: "bg-stone-100 text-stone-800 border-stone-300",
};

export function StatusBadge({ status }: { status: CaseStatus }) {
  const t = useTranslations("enums.CaseStatus");
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-xs font-medium ${COLOURS[status]}`}>
      {t(status)}
    </span>
  );
}
