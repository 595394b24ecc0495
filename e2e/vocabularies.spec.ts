import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

/** The group of 10 from the seed report (The Korea Herald, 14 February 2012). */
const GROUP_OF_10 = "CN-2012-0001";

test.describe("[VOCABULARIES]", () => {
  test("an editor records where the 10 were held and handed over, with a passage; a researcher filters by the crossing; an admin merges the crossing into another term", async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const run = Date.now();
    // A test report that says so (the seed report does not name a facility or a crossing).
    const passage = `the ten were held at the border detention centre in Tumen and handed over at the Tumen–Namyang crossing (${run})`;
    const editor = await (await browser.newContext()).newPage();
    await signInAs(editor, "EDITOR");
    await editor.goto(`/cases/${GROUP_OF_10}/sources/new`);
    const capture = editor.getByRole("region", { name: "Capture a new report" });
    await capture.getByLabel("Outlet").fill("Border Wire");
    await capture.getByLabel("Title").fill(`The ten at Tumen ${run}`);
    await capture.getByLabel("Text of the report").fill(`Seoul, March 2012. Activists said ${passage}.`);
    await capture.getByRole("button", { name: "Capture source" }).click();
    await expect(editor.getByTestId("captured-sha256")).toBeVisible();

    const record = async (type: string, date: string, terms: Record<string, string>) => {
      await editor.goto(`/cases/${GROUP_OF_10}`);
      const panel = editor.getByTestId("record-what-happened");
      await panel.getByText("Record what happened", { exact: true }).first().click();
      await panel.getByRole("combobox", { name: "What happened" }).selectOption(type);
      for (const [label, term] of Object.entries(terms))
        await panel.getByRole("combobox", { name: label }).selectOption({ label: term });
      await panel.getByLabel("Earliest date").fill(date);
      await panel.getByLabel("Date precision").selectOption("DAY");
      await panel.getByLabel("Source", { exact: true }).selectOption({ label: `Border Wire: The ten at Tumen ${run}` });
      await panel.getByLabel("The passage that says so").fill(passage);
      await panel.getByRole("button", { name: "Record what happened" }).click();
      await expect(panel.getByRole("status", { name: "Record what happened status" })).toHaveText(
        "Recorded, with its source.",
      );
    };
    // The form offers a facility only for a detention, a crossing and an agency only for a repatriation.
    await record("DETAINED", "2012-02-20", { "Detention facility": "Tumen border detention centre" });
    await record("REPATRIATED", "2012-03-02", {
      "Handover crossing": "Tumen–Namyang",
      "Receiving agency in North Korea": "Ministry of State Security (Bowibu)",
    });
    const held = editor
      .locator('[data-event-type="DETAINED"]')
      .filter({ hasText: "Held at Tumen border detention centre" });
    await expect(held.getByRole("blockquote").filter({ hasText: passage })).toBeVisible();
    const handedOver = editor
      .locator('[data-event-type="REPATRIATED"]')
      .filter({ hasText: "Handed over at Tumen–Namyang" });
    await expect(handedOver).toContainText("Received by Ministry of State Security (Bowibu)");
    await expect(handedOver.getByRole("blockquote").filter({ hasText: passage })).toBeVisible();
    await editor.context().close();

    // A researcher filters the timeline by that crossing and sees the group; the API agrees.
    const researcher = await (await browser.newContext()).newPage();
    await signInAs(researcher, "RESEARCHER");
    await researcher.goto("/timeline");
    const filters = researcher.getByRole("search", { name: "Filter cases" });
    if (!(await filters.isVisible())) await researcher.getByRole("button", { name: /Filters/ }).click();
    await filters.getByRole("combobox", { name: "Handover crossing" }).selectOption({ label: "Tumen–Namyang" });
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await researcher.waitForURL(/crossing=tumen-namyang/);
    const rows = researcher.getByTestId("results").locator("tbody tr");
    await expect(rows.filter({ hasText: GROUP_OF_10 })).toHaveCount(1);
    await expect(rows).toHaveCount(1);
    await expect(researcher.getByTestId("totals")).toContainText("At least 10 people in 1 group");
    const api = await (await researcher.request.get("/api/v1/cases?crossing=tumen-namyang")).json();
    expect(api.data.map((c: { code: string }) => c.code)).toEqual([GROUP_OF_10]);
    const one = await (await researcher.request.get(`/api/v1/cases/${GROUP_OF_10}`)).json();
    expect(one.data.events).toContainEqual(
      expect.objectContaining({
        type: "REPATRIATED",
        research: expect.objectContaining({ crossing: "tumen-namyang", receivingAgency: "state-security-bowibu" }),
      }),
    );
    await researcher.context().close();

    // An admin adds a term and merges the crossing into it: the group's event moves, old links still work.
    const admin = await (await browser.newContext()).newPage();
    await signInAs(admin, "ADMIN");
    await admin.goto("/admin/vocabularies");
    const add = admin.getByTestId("add-term");
    await add.getByText("Add a term").click();
    await add.getByLabel("Vocabulary").selectOption("HANDOVER_CROSSING");
    await add.getByLabel("Code").fill(`tumen-namyang-bridge-${run}`);
    await add.getByLabel("Label (English)").fill(`Tumen–Namyang bridge ${run}`);
    await add.getByLabel("Label (Korean)").fill("투먼–남양 다리");
    await add.getByLabel("Definition", { exact: true }).fill("The bridge between Tumen and Namyang.");
    await add.getByRole("button", { name: "Add term" }).click();
    await expect(add.getByRole("status", { name: "Add term status" })).toContainText("Added");
    await admin.reload();
    const row = admin.getByTestId("term-tumen-namyang");
    await expect(row).toContainText("used by 1 event");
    await row.getByText("Merge", { exact: true }).first().click();
    await row.getByLabel("Keep this term instead").selectOption({ label: `Tumen–Namyang bridge ${run}` });
    await row.getByRole("button", { name: "Merge", exact: true }).click();
    // The merged term's row loses its actions and says where it went.
    await expect(admin.getByTestId("term-tumen-namyang")).toContainText(`Merged into Tumen–Namyang bridge ${run}`);
    await admin.reload();
    await expect(admin.getByTestId("term-tumen-namyang")).toContainText("Retired");
    await expect(admin.getByTestId(`term-tumen-namyang-bridge-${run}`)).toContainText("used by 1 event");
    await expect(admin.getByTestId("vocabulary-change").first()).toContainText(
      `changed the vocabulary term Tumen–Namyang: Merged into — → Tumen–Namyang bridge ${run}`,
    );
    await admin.goto(`/cases/${GROUP_OF_10}`);
    await expect(admin.locator('[data-event-type="REPATRIATED"]')).toContainText(
      `Handed over at Tumen–Namyang bridge ${run}`,
    );
    await admin.goto(`/timeline?crossing=tumen-namyang`);
    await expect(admin.getByTestId("results").locator("tbody tr").filter({ hasText: GROUP_OF_10 })).toHaveCount(1);
    await admin.goto(`/cases/${GROUP_OF_10}/history`);
    await expect(admin.getByTestId("history-save").first()).toContainText(
      `Handover crossing Tumen–Namyang → Tumen–Namyang bridge ${run}`,
    );
    await admin.context().close();
  });
});
