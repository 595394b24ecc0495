import { describe, expect, it } from "vitest";
import { describeDisagreement, disagreements, normalizeClaimValue, type ValueClaim } from "@/lib/format/disagreements";

let n = 0;
const claim = (field: string, value: string | null, outlet: string): ValueClaim => ({
  id: `c${++n}`,
  field,
  value,
  source: { id: `s-${outlet}`, outlet },
});

describe("disagreements", () => {
  it("flags a field whose claims give different values, naming the outlets", () => {
    const found = disagreements({ sizeMin: [claim("sizeMin", "10", "Outlet A"), claim("sizeMin", "11", "Outlet B")] });
    expect(found).toHaveLength(1);
    expect(found[0].field).toBe("sizeMin");
    expect(describeDisagreement(found[0])).toBe("10 (Outlet A) vs 11 (Outlet B)");
  });

  it("does not flag agreeing claims, or claims without a value", () => {
    expect(
      disagreements({
        sizeMin: [
          claim("sizeMin", "10", "A"),
          claim("sizeMin", " 010 ", "B"),
          claim("sizeMin", null, "C"),
          claim("sizeMin", "", "D"),
        ],
      }),
    ).toEqual([]);
    expect(
      disagreements({ status: [claim("status", "Repatriated", "A"), claim("status", "repatriated", "B")] }),
    ).toEqual([]);
    expect(disagreements({})).toEqual([]);
  });

  it("groups outlets by value, each outlet once", () => {
    const [d] = disagreements({
      sizeMax: [
        claim("sizeMax", "10", "A"),
        claim("sizeMax", "12", "B"),
        claim("sizeMax", "10", "C"),
        claim("sizeMax", "10", "A"),
      ],
    });
    expect(describeDisagreement(d)).toBe("10 (A, C) vs 12 (B)");
    expect(d.values[0].claimIds).toHaveLength(3);
  });

  it("looks only at the fields asked for, in that order", () => {
    const claims = {
      sizeMin: [claim("sizeMin", "1", "A"), claim("sizeMin", "2", "B")],
      sizeMax: [claim("sizeMax", "3", "A"), claim("sizeMax", "4", "B")],
      status: [claim("status", "X", "A"), claim("status", "Y", "B")],
    };
    expect(disagreements(claims, ["sizeMax", "sizeMin", "sizeBest"]).map((d) => d.field)).toEqual([
      "sizeMax",
      "sizeMin",
    ]);
    expect(disagreements(claims).map((d) => d.field)).toEqual(["sizeMin", "sizeMax", "status"]);
  });

  it("normalizes spacing, case and leading zeros only", () => {
    expect(normalizeClaimValue("  Hebei   Province ")).toBe("hebei province");
    expect(normalizeClaimValue("007")).toBe("7");
    expect(normalizeClaimValue("7 people")).toBe("7 people");
  });
});

describe("DisagreementFlag", () => {
  it("renders the disagreement for the case page, and nothing when sources agree", async () => {
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { DisagreementFlag } = await import("@/components/sources/disagreement-flag");
    const { NextIntlClientProvider } = await import("next-intl");
    const { default: messages } = await import("@/lib/i18n/messages/en.json");
    const render = (fields: string[]) =>
      renderToStaticMarkup(
        <NextIntlClientProvider locale="en" messages={messages} timeZone="UTC">
          <DisagreementFlag fieldClaims={claims} fields={fields} />
        </NextIntlClientProvider>,
      );
    const claims = {
      sizeMin: [claim("sizeMin", "10", "Outlet A"), claim("sizeMin", "11", "Outlet B")],
      sizeMax: [claim("sizeMax", "12", "Outlet A")],
    };
    const one = render(["sizeMin"]);
    expect(one).toContain("Sources disagree:</strong> 10 (Outlet A) vs 11 (Outlet B)");
    const several = render(["sizeMin", "sizeMax", "sizeBest"]);
    expect(several).toContain("Sources disagree on group size (minimum):</strong> 10 (Outlet A) vs 11 (Outlet B)");
    expect(render(["sizeMax"])).toBe("");
  });
});
