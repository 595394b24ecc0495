import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/pages";
import { now } from "@/lib/clock";
import { ReportIntake } from "@/components/intake/report-intake";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New from report" };

/** Editors paste a news report and review the records proposed from it before anything is saved. */
export default async function FromReportPage() {
  await requirePagePermission("create:case:any", "/cases/from-report");
  const today = (await now()).toISOString().slice(0, 10);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">New from report</h1>
      <p className="max-w-3xl text-sm text-stone-700">
        Paste a news report. The app proposes the source, one draft case per group of people it describes (size, place,
        dated events), the totals it states, the people it quotes and the appeals it mentions, each with the passage it
        came from and how sure the rule that found it is. Correct anything, drop what is wrong, then save: everything is
        written at once, and each change&apos;s history says which report it came from. The reading is done here, by
        rules, without any online service.
      </p>
      <ReportIntake today={today} />
    </div>
  );
}
