/**
 * The promise of lib/fields/case.ts: adding a field to a case means adding it to the table. A field
 * added to the table at run time shows up in the case form (with its label from the messages), is
 * named by the history, becomes an export column and an API property with its OpenAPI description,
 * and each check fails before the field is added.
 */
import { createTranslator, NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CaseForm } from "@/components/cases/case-form";
import { caseSummary } from "@/lib/api/cases";
import { csvColumns } from "@/lib/api/export";
import { openApiDocument } from "@/lib/api/openapi";
import type { CaseRow } from "@/lib/data/case-search";
import { CASE_FIELDS } from "@/lib/fields/case";
import type { FieldSpec } from "@/lib/fields/define";
import { ALL_FIELD_TABLES } from "@/lib/fields";
import en from "@/lib/i18n/messages/en.json";
import { historyDescriber } from "@/lib/i18n/history-labels";
import { optionalText } from "@/lib/validations/fields";

// The form's server actions are not under test here (and need a request to run).
vi.mock("@/lib/actions/cases", () => ({ createCaseAction: vi.fn(), updateCaseAction: vi.fn() }));

const HELD_AT: FieldSpec = {
  form: { section: "place" },
  schema: optionalText(200, "Held at"),
  widget: { kind: "text" },
  maxLength: 200,
  history: true,
  exportColumn: "held_at",
  api: { path: "place.heldAt", schema: { type: ["string", "null"] } },
  sourced: true,
};
const messages = {
  ...en,
  fields: { ...en.fields, case: { ...en.fields.case, heldAt: { label: "Held at (facility)" } } },
};
const fields = CASE_FIELDS.fields as Record<string, FieldSpec>;

function renderForm(mode: "create" | "edit") {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale="en" messages={messages} timeZone="UTC">
      <CaseForm
        mode={mode}
        initial={{ code: "CN-2012-0001", version: "1", visibility: "INTERNAL", heldAt: "Tumen border post" }}
      />
    </NextIntlClientProvider>,
  );
}

function everything() {
  const t = createTranslator({ locale: "en", messages });
  const history = historyDescriber(t as unknown as Parameters<typeof historyDescriber>[0])({
    entity: "Case",
    action: "UPDATE",
    field: "heldAt",
    oldValue: null,
    newValue: "Tumen",
  });
  const doc = openApiDocument("https://example.org");
  const placeSchema = doc.components.schemas.Case.properties.place as { properties: Record<string, unknown> };
  const row = {
    code: "CN-2012-0001",
    heldAt: "Tumen border post",
    latitude: null,
    longitude: null,
    origin: "SOURCED",
  } as unknown as CaseRow;
  const api = caseSummary(row, "https://example.org", false) as { place: Record<string, unknown> };
  return {
    form: renderForm("create"),
    history: history.field,
    csv: csvColumns(false),
    openApi: placeSchema.properties.heldAt,
    api: api.place.heldAt,
  };
}

describe("the case field table drives the form, the history, the export and the API together", () => {
  afterEach(() => {
    delete fields.heldAt;
  });

  it("without the field, none of them knows it", () => {
    const before = everything();
    expect(before.form).not.toContain('name="heldAt"');
    expect(before.history).toBe("heldAt");
    expect(before.csv).not.toContain("held_at");
    expect(before.openApi).toBeUndefined();
    expect(before.api).toBeUndefined();
  });

  it("with one entry in the table, all of them do", () => {
    fields.heldAt = HELD_AT;
    const after = everything();
    expect(after.form).toMatch(/<label[^>]*>Held at \(facility\)/);
    expect(after.form).toContain('name="heldAt"');
    expect(after.form).toContain('value="Tumen border post"');
    expect(after.history).toBe("Held at (facility)");
    expect(after.csv).toContain("held_at");
    expect(after.openApi).toEqual({ type: ["string", "null"] });
    expect(after.api).toBe("Tumen border post");
  });

  it("the table says what an edit shows that a new case does not", () => {
    expect(renderForm("create")).not.toContain('name="reason"');
    expect(renderForm("edit")).toContain('name="reason"');
    expect(renderForm("create")).not.toContain('name="status"');
    expect(renderForm("edit")).toContain('name="status"');
  });
});

describe("every field of every table has its words in the messages", () => {
  const fieldMessages = en.fields as Record<string, Record<string, { label?: string; hint?: string }>>;
  for (const table of ALL_FIELD_TABLES) {
    it(`${table.entity}: a label for each field, and a hint where the table says there is one`, () => {
      for (const [name, spec] of Object.entries(table.fields)) {
        expect(fieldMessages[table.entity]?.[name]?.label, `${table.entity}.${name}.label`).toBeTruthy();
        if (spec.hint) expect(fieldMessages[table.entity]?.[name]?.hint, `${table.entity}.${name}.hint`).toBeTruthy();
      }
    });
  }
});
