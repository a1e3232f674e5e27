import AxeBuilder from "@axe-core/playwright";
import Papa from "papaparse";
import { expect, test, type Page } from "@playwright/test";
import { compose, expectTexts, fault, inbox, reviewAndSend, seedGroup } from "./messages-support";
import { signInAsAdmin } from "./support";

test.beforeEach(async ({ page }) => {
  await signInAsAdmin(page);
});

async function sendText(page: Page, text: string) {
  const g = await seedGroup(page, { a: { Online: true } });
  await compose(page, { from: g.sender, group: g.groupId, text });
  await reviewAndSend(page);
  return g;
}

test("a delivered message is recalled from its result page, once, while the window is open", async ({ page }) => {
  const g = await sendText(page, "Oops, wrong group");
  await expectTexts(page, g.ids.a, g.groupId, ["Oops, wrong group"]);
  await expect(page.getByTestId("recall-left")).toContainText(/You can recall this message for another [12]:\d\d\./);
  await page.getByRole("button", { name: "Recall…" }).click();
  const dialog = page.getByRole("dialog", { name: "Recall this message?" });
  await expect(dialog.getByTestId("confirm-sentence")).toHaveText(`Message #1 in group ${g.groupId} of app Sandbox will disappear for every receiver.`);
  await dialog.getByLabel("Recall note (optional)").fill("sent by mistake");
  await dialog.getByRole("button", { name: "Recall now" }).click();
  await expect(page.getByText(/^Recalled by admin@e2e\.test at /)).toBeVisible();
  await expect(page.getByTestId("outcome").locator("..")).toContainText("Recalled");
  await expect.poll(async () => (await inbox(page, g.ids.a, g.groupId))[0]?.Recalled).toBe(true);
  await expect(page.getByRole("button", { name: "Recall…" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByText(/^Recalled by admin@e2e\.test/)).toBeVisible();
});

test("a command message says it cannot be recalled instead of offering it", async ({ page }) => {
  const g = await seedGroup(page, { a: { Online: true } });
  const form = await compose(page, { from: g.sender, group: g.groupId });
  await form.getByLabel("Message type").selectOption("2");
  await form.getByLabel("Command content").fill("not base64!");
  await form.getByLabel("The content is base64 (binary data)").check();
  await expect(form.getByText("This is not valid base64.")).toBeVisible();
  await form.getByLabel("Command content").fill("aGVsbG8=");
  await expect(form.getByText("Decoded size: 5 / 2,048 bytes")).toBeVisible();
  await reviewAndSend(page);
  await expect(page.getByTestId("outcome")).toHaveText("Delivered");
  await expect(page.getByText("Command messages have no message number (MsgSeq), so they cannot be recalled.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Recall…" })).toHaveCount(0);
});

test("one frequency refusal is waited out and sent again by the console: delivered, once", async ({ page }) => {
  const g = await seedGroup(page, { a: { Online: true } });
  await fault(page, { Action: "SendGroupMessage", Effect: "code", Code: 660300005, Times: 1 });
  await compose(page, { from: g.sender, group: g.groupId, text: "Waited out" });
  await reviewAndSend(page);
  await expect(page.getByTestId("outcome")).toHaveText("Delivered");
  await expectTexts(page, g.ids.a, g.groupId, ["Waited out"]);
});

test("a send still refused for frequency after the console's own retries is reported as safe to send again and resent on the same record", async ({ page }) => {
  const g = await seedGroup(page, { a: { Online: true } });
  // The first call and the rate-limited client's four retries (lib/rate-limit/limited-client.ts) are all refused.
  await fault(page, { Action: "SendGroupMessage", Effect: "code", Code: 660300005, Times: 5 });
  await compose(page, { from: g.sender, group: g.groupId, text: "Second time lucky" });
  await reviewAndSend(page);
  const url = page.url();
  await expect(page.getByTestId("outcome")).toHaveText("Not sent — rate limit");
  await expect(page.getByTestId("outcome-sentence")).toContainText("safe to send again");
  expect(await inbox(page, g.ids.a, g.groupId)).toEqual([]);
  await page.getByRole("button", { name: "Send again" }).click();
  await expect(page.getByTestId("outcome")).toHaveText("Delivered");
  expect(page.url()).toBe(url);
  await expectTexts(page, g.ids.a, g.groupId, ["Second time lucky"]);
  await expect(page.getByText("Attempts").locator("..")).toContainText("2");
});

test("a lost answer is 'may have been sent — check before resending' and is never resent by itself", async ({ page }) => {
  const g = await seedGroup(page, { a: { Online: true } });
  await fault(page, { Action: "SendGroupMessage", Effect: "http-error", HttpStatus: 502, AfterProcessing: true, Times: 1 });
  await compose(page, { from: g.sender, group: g.groupId, text: "Did it arrive?" });
  await reviewAndSend(page);
  await expect(page.getByTestId("outcome")).toHaveText("May have been sent");
  await expect(page.getByText("Check before resending")).toBeVisible();
  await expect(page.getByRole("button", { name: "Send again" })).toHaveCount(0);
  await expectTexts(page, g.ids.a, g.groupId, ["Did it arrive?"]);
  await page.reload();
  await expect(page.getByTestId("outcome")).toHaveText("May have been sent");
  expect(await inbox(page, g.ids.a, g.groupId)).toHaveLength(1);
});

test("the history filters in the URL, links to results, finds by RequestId and exports the filtered rows as CSV", async ({ page }) => {
  const first = await sendText(page, "first of two");
  const firstUrl = page.url();
  await sendText(page, "second of two");
  await page.goto("/history");
  await page.getByLabel("Group ID").fill(first.groupId);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`group=${first.groupId}`));
  await expect(page.getByTestId("history-row")).toHaveCount(1);
  await page.getByRole("link", { name: `Details of the message to ${first.groupId}` }).click();
  await expect(page).toHaveURL(firstUrl);

  await page.goto(`/history?group=${first.groupId}&outcome=delivered`);
  await expect(page.getByLabel("Outcome")).toHaveValue("delivered");
  const href = await page.getByRole("link", { name: "Export these rows as CSV" }).getAttribute("href");
  expect(href).toBe(`/api/messages/export?group=${first.groupId}&outcome=delivered`);
  const csv = await page.request.get(href!);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const rows = Papa.parse<Record<string, string>>((await csv.text()).replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ group_id: first.groupId, from_user_id: first.sender, outcome: "delivered", message: "first of two", msg_seq: "1" });

  await page.goto(`/history?ref=${rows[0]!.request_id}`);
  await expect(page.getByTestId("history-row")).toHaveCount(1);
});

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("the composer (every body type and recipient mode), the history and a result have no serious accessibility violations", async ({ page }) => {
  const g = await sendText(page, "accessible result");
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(page)).toEqual([]);
  }
  await page.goto("/history");
  expect(await seriousViolations(page)).toEqual([]);
  const form = await compose(page, { from: g.sender, group: g.groupId });
  await form.getByLabel("Only these members").check();
  await form.getByLabel("Send an offline push to members who are offline").check();
  for (const type of ["1", "2", "10", "11", "14", "200"]) {
    await form.getByLabel("Message type").selectOption(type);
    await form.getByRole("button", { name: "Review and send…" }).click();
    expect(await seriousViolations(page), `type ${type}`).toEqual([]);
  }
});
