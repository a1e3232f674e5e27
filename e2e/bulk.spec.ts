import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { fault, inbox, unique } from "./messages-support";
import { scheduleFor, wallTime, ZONE } from "./scheduled-support";
import { callServerAction, createOperator, firstSignIn, SAME_ORIGIN, seriousViolations, signInAsAdmin, uniqueEmail } from "./support";

const ACTIONS = "app/(console)/bulk/actions.ts";

test.beforeEach(async ({ page }) => {
  await signInAsAdmin(page);
});

test.afterEach(async ({ page }) => {
  await page.request.delete("/zim-sandbox/_sandbox/faults", { headers: SAME_ORIGIN });
});

/** `count` fresh sandbox groups, each with one online member, all with the same sender (their owner). */
async function seedGroups(page: Page, count: number) {
  const sender = unique("bulk-sender");
  const groups = Array.from({ length: count }, () => ({ groupId: unique("bg"), member: unique("bm") }));
  for (const g of groups) {
    const response = await page.request.post("/zim-sandbox/_sandbox/groups", {
      data: { GroupId: g.groupId, GroupOwner: sender, Members: [{ UserId: sender, Online: true }, { UserId: g.member, Online: true }] },
      headers: SAME_ORIGIN,
    });
    expect(response.status()).toBe(201);
  }
  return { sender, groups };
}

/** The composer on "Many groups" in the sandbox, with the sender and the message filled in. */
async function composeMany(page: Page, { from, text }: { from: string; text: string }) {
  await page.goto("/compose");
  const form = page.getByRole("form", { name: "Group message" });
  await form.getByLabel("ZIM app").selectOption("sandbox");
  await form.getByText("Many groups", { exact: true }).click();
  await expect(form.getByLabel("Group IDs", { exact: true })).toBeVisible();
  await form.getByLabel("From user ID").fill(from);
  await form.getByLabel("Message", { exact: true }).fill(text);
  return form;
}

const count = (page: Page, name: string) => page.getByTestId(`count-${name}`).textContent().then((t) => Number((t ?? "").replace(/\D/g, "")));

/** The newest bulk send's id, read through the list's polling route (undefined when there is none). */
async function newestBulkId(page: Page): Promise<string | undefined> {
  const response = await page.request.get("/api/bulk");
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { sends: { id: string }[] }).sends[0]?.id;
}

test("fifty groups: checked before sending, paused and resumed, every group delivered exactly once, results exported", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const { sender, groups } = await seedGroups(page, 50);
  const ids = groups.map((g) => g.groupId);
  const text = `Bulk hello ${unique("t")}`;
  const form = await composeMany(page, { from: sender, text });
  await expect(form.getByTestId("no-member-picker")).toHaveCount(0);
  await form.getByLabel("Only these members").check();
  await expect(form.getByTestId("no-member-picker")).toBeVisible();
  await form.getByLabel("The whole group").check();

  const list = form.getByLabel("Group IDs", { exact: true });
  await list.fill(["GroupId", ...ids, ids[3], "bad/id"].join("\n"));
  await expect(form.getByTestId("group-count")).toHaveText("50 groups · 1 duplicate removed · 1 line not valid");
  await expect(form.getByTestId("invalid-lines")).toHaveText(/^Line 53: “bad\/id” — The group ID contains "\/", which ZIM does not accept\./);
  await expect(form.getByTestId("bulk-estimate")).toHaveText("At the app's limit of 10 messages per second this takes about 5 s.");
  await form.getByRole("button", { name: "Review the send to many groups…" }).click();
  await expect(form.getByRole("alert").filter({ hasText: "Line 53: The group ID contains" })).toBeVisible();
  await expect(list).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await form.getByRole("button", { name: "Keep only the valid IDs" }).click();
  await expect(list).toHaveValue(ids.join("\n"));
  await expect(form.getByTestId("group-count")).toHaveText("50 groups · 0 duplicates removed · 0 lines not valid");
  // The draft keeps the list: a reload loses nothing.
  await page.reload();
  await expect(page.getByText("Your draft was restored.")).toBeVisible();
  await expect(list).toHaveValue(ids.join("\n"));
  await expect(form.getByTestId("group-count")).toHaveText("50 groups · 0 duplicates removed · 0 lines not valid");

  // Slower answers keep the run going long enough to pause it midway.
  await fault(page, { Action: "SendGroupMessage", LatencyMs: 1000, Times: 50 });
  await form.getByRole("button", { name: "Review the send to many groups…" }).click();
  const dialog = page.getByRole("dialog", { name: "Send to 50 groups?" });
  await expect(dialog.getByTestId("confirm-sentence")).toHaveText("Medium-priority text message to 50 groups in app Sandbox, every member of each group; push off");
  await expect(dialog.getByTestId("confirm-estimate")).toHaveText("At the app's limit of 10 messages per second this takes about 5 s.");
  await dialog.getByRole("button", { name: "Send to 50 groups" }).click();
  await expect(page).toHaveURL(/\/bulk\/[0-9a-f-]{36}$/);
  const bulkUrl = page.url();
  await expect(page.getByRole("heading", { name: "Bulk send to 50 groups", level: 1 })).toBeVisible();

  // Progress moves; a pause stops it once the groups in flight are answered.
  await expect.poll(() => count(page, "delivered"), { timeout: 30_000 }).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByTestId("bulk-status")).toHaveText("Paused");
  // Counts that stay the same over several polls (the page polls every second): nothing is sent any more.
  const settled = async () => {
    const before = await count(page, "delivered");
    await page.waitForTimeout(3_000);
    return (await count(page, "delivered")) === before;
  };
  await expect.poll(settled, { timeout: 20_000 }).toBe(true);
  const paused = await count(page, "delivered");
  expect(await count(page, "remaining")).toBe(50 - paused);
  expect(paused).toBeLessThan(50);
  await page.reload();
  await expect(page.getByTestId("bulk-status")).toHaveText("Paused");
  expect(await count(page, "delivered")).toBe(paused);

  await page.getByRole("button", { name: "Resume" }).click();
  await expect(page.getByTestId("bulk-status")).toHaveText("Completed", { timeout: 60_000 });
  await expect(page.getByTestId("count-delivered")).toHaveText("50");
  await expect(page.getByTestId("count-remaining")).toHaveText("0");
  await expect(page.getByTestId("bulk-done")).toHaveText("50 of 50 groups done (100%)");

  // Every group's row: delivered, with its MsgSeq; every member's inbox: exactly one copy.
  const results = page.getByRole("table", { name: "Results per group, in list order" });
  for (const id of ids) {
    const row = results.getByRole("row").filter({ hasText: id });
    await expect(row.getByTestId("outcome")).toHaveText("Delivered");
    await expect(row).toContainText(/#\d+/);
  }
  const inboxes = await Promise.all(groups.map(async (g) => (await inbox(page, g.member, g.groupId)).filter((m) => m.Kind === "group").map((m) => m.MessageBody.Message)));
  expect(inboxes).toEqual(groups.map(() => [text]));

  // The results as CSV: a header and one line per group.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the results (CSV)" }).click()]);
  const csv = fs.readFileSync((await download.path())!, "utf8").trim().split(/\r?\n/);
  expect(csv).toHaveLength(51);
  for (const id of ids) expect(csv.filter((line) => line.includes(id))).toHaveLength(1);

  // Filters: a MsgSeq or group ID search, and the failed ones (none).
  await page.getByLabel("Message number (MsgSeq) or group ID").fill(ids[7]!);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(results.getByRole("row")).toHaveCount(2);
  await page.getByLabel("Outcome").selectOption("failed");
  await page.getByLabel("Message number (MsgSeq) or group ID").fill("");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("No group matches these filters.")).toBeVisible();

  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await seriousViolations(page)).toEqual([]);

  // "Recall all" revokes the message in every delivered group while the recall window is open.
  await page.goto(bulkUrl);
  await expect(page.getByTestId("recall-until")).toContainText("can be recalled from 50 delivered groups until");
  await page.getByRole("button", { name: "Recall from 50 groups…" }).click();
  const recall = page.getByRole("dialog", { name: "Recall the message from every delivered group?" });
  await recall.getByRole("button", { name: "Recall from 50 groups" }).click();
  await expect(results.getByRole("cell", { name: "Recalled", exact: true })).toHaveCount(50, { timeout: 30_000 });
  await expect(page.getByRole("button", { name: /^Recall from/ })).toHaveCount(0);
  const recalled = await Promise.all(groups.map(async (g) => (await inbox(page, g.member, g.groupId)).filter((m) => m.Kind === "group").map((m) => m.Recalled)));
  expect(recalled).toEqual(groups.map(() => [true]));

  // Any operator sees the same run; a viewer reads it without controls, and its actions refuse a viewer.
  await page.goto("/bulk");
  await expect(page.getByRole("link", { name: /Open the bulk send to 50 groups/ }).first()).toBeVisible();
  const email = uniqueEmail("bulk-viewer");
  const oneTime = await createOperator(page, email, "viewer");
  const viewer = await browser.newPage();
  await firstSignIn(viewer, email, oneTime, "viewer-password-123");
  await viewer.goto(bulkUrl);
  await expect(viewer.getByTestId("bulk-status")).toHaveText("Completed");
  await expect(viewer.getByText("Your role can follow this bulk send but not change it.")).toBeVisible();
  await expect(viewer.getByRole("button", { name: /Pause|Resume|Cancel the run|Retry|Recall/ })).toHaveCount(0);
  const bulkId = bulkUrl.split("/").pop()!;
  const denied = await callServerAction(viewer.request, viewer, { file: ACTIONS, name: "recallAllBulkAction", args: [{ id: bulkId }], path: "/bulk" });
  expect(denied.body).toContain("Your role does not allow this.");
  await viewer.close();
});

test("an empty list, a list of only invalid IDs, a list over the maximum and a binary file are refused, and nothing is created", async ({ page, request }) => {
  test.setTimeout(120_000);
  const before = await newestBulkId(page);
  const form = await composeMany(page, { from: unique("bulk-sender"), text: "Never sent" });
  const list = form.getByLabel("Group IDs", { exact: true });
  const review = form.getByRole("button", { name: "Review the send to many groups…" });

  await review.click();
  await expect(form.getByText("Paste or load at least one group ID.")).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await list.fill("bad/id\n***");
  await expect(form.getByTestId("group-count")).toHaveText("0 groups · 0 duplicates removed · 2 lines not valid");
  await review.click();
  await expect(form.getByText("None of the listed IDs is a valid group ID (2 not valid).")).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  // A file, as such lists come (typing 100,001 lines into the field one by one would take the test minutes).
  const file = form.getByLabel("Load a CSV or text file (replaces the list)");
  await file.setInputFiles({ name: "too-many.txt", mimeType: "text/plain", buffer: Buffer.from(Array.from({ length: 100_001 }, (_, i) => `g${i}`).join("\n")) });
  await expect(form.getByText("More than 100,000 group IDs: split the list into several bulk sends.")).toBeVisible({ timeout: 30_000 });
  await expect(form.getByTestId("group-count")).toHaveText("100,000 groups · 0 duplicates removed · 0 lines not valid");
  await expect(form.getByTestId("bulk-estimate")).toHaveCount(0);
  await review.click();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await list.fill("bad/id");
  await file.setInputFiles({
    name: "groups.csv", mimeType: "text/csv", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
  });
  await expect(form.getByTestId("group-file-error")).toHaveText("“groups.csv” is not a text file. Save the list as CSV or plain text (UTF-8) and load it again.");
  await expect(list).toHaveValue("bad/id");
  await file.setInputFiles({
    name: "latin1.txt", mimeType: "text/plain", buffer: Buffer.from([0x67, 0x2d, 0xe9, 0x0a]),
  });
  await expect(form.getByTestId("group-file-error")).toContainText("“latin1.txt” is not UTF-8 text.");
  await file.setInputFiles({
    name: "ok.txt", mimeType: "text/plain", buffer: Buffer.from("group_id\nbg-from-file\n"),
  });
  await expect(form.getByTestId("group-file-error")).toHaveCount(0);
  await expect(form.getByTestId("group-count")).toHaveText("1 group · 0 duplicates removed · 0 lines not valid");
  expect(await seriousViolations(page)).toEqual([]);

  // The server reads the list again: a request that skips the browser's checks is refused the same way.
  const input = (groupsText: string) => ({
    appKey: "sandbox", createKey: `bulk-bad-${Date.now()}-0123456789`, groupsText,
    request: { FromUserId: "ops", GroupId: "g-1", MessageType: 1, Priority: 2, MessageBody: { Message: "Never sent" } },
    schedule: { mode: "now", date: "", time: "", timeZone: "UTC", occurrence: "", repeat: "none", weekdays: [], until: "" },
  });
  for (const [groupsText, refusal] of [["", "Paste or load at least one group ID."], ["bad/id", "None of the listed IDs is a valid group ID (1 not valid)."]]) {
    const answer = await callServerAction(request, page, { file: ACTIONS, name: "createBulkAction", args: [input(groupsText!)], path: "/compose" });
    expect(answer.body).toContain(refusal);
  }
  expect(await newestBulkId(page)).toBe(before);
});

test("a bulk send scheduled a few seconds ahead waits for its time, then every group receives it once", async ({ page }) => {
  test.setTimeout(120_000);
  const { sender, groups } = await seedGroups(page, 3);
  const text = `Later for all ${unique("t")}`;
  const form = await composeMany(page, { from: sender, text });
  await form.getByLabel("Group IDs", { exact: true }).fill(groups.map((g) => g.groupId).join("\n"));
  const control = await scheduleFor(page, wallTime(Date.now() + 8_000), ZONE);
  // A send to many groups goes out once: the control offers no repetition.
  await expect(control.getByLabel("Repeat")).toHaveCount(0);
  await page.getByRole("button", { name: "Review and schedule…" }).click();
  const dialog = page.getByRole("dialog", { name: "Send to 3 groups?" });
  await expect(dialog.getByTestId("confirm-when")).toContainText(ZONE);
  await dialog.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(page).toHaveURL(/\/bulk\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("bulk-status")).toHaveText("Scheduled");
  expect((await inbox(page, groups[0]!.member, groups[0]!.groupId)).filter((m) => m.Kind === "group")).toEqual([]);

  await expect(page.getByTestId("bulk-status")).toHaveText("Completed", { timeout: 45_000 });
  await expect(page.getByTestId("count-delivered")).toHaveText("3");
  for (const g of groups) {
    expect((await inbox(page, g.member, g.groupId)).filter((m) => m.Kind === "group").map((m) => m.MessageBody.Message)).toEqual([text]);
  }
  // The scheduled item and its run point at each other; the item offers neither edit nor duplicate.
  const runUrl = page.url();
  await page.locator(`a[href^="/scheduled/"]`).first().click();
  await expect(page).toHaveURL(/\/scheduled\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Duplicate" })).toHaveCount(0);
  const runLinks = page.getByRole("link", { name: "Open the bulk send" });
  await expect(runLinks.first()).toHaveAttribute("href", new URL(runUrl).pathname);
});
