import { it } from "vitest";
import { extractReport } from "@/lib/intake/extract";
import { REPORTS } from "@/lib/intake/fixtures.test-data";
it("dbg", () => {
  for (const r of [REPORTS.moreThanAtLeast, REPORTS.twoCities]) {
    const x = extractReport(r.text, { publishedAt: r.publishedAt });
    console.log(JSON.stringify(x.groups.map((g) => [g.size.value, g.size.why, g.events.map((e) => [e.type, e.dateWording, e.dateEarliest])]), null, 1), x.warnings, x.statedTotals.map((t) => t.value), x.aggregates.map((t) => [t.value, t.why]));
  }
});
