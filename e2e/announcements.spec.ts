import { expect, test, type Page } from "@playwright/test";
import { announcementForm, quotaOfSandbox, seedUsers } from "./announcement-support";
import { inbox, unique } from "./messages-support";
import { callServerAction, createOperator, firstSignIn, SAME_ORIGIN, signInAsAdmin, uniqueEmail } from "./support";

test.beforeEach(async ({ page }) => {
  await signInAsAdmin(page);
});

async function sandboxBroadcasts(page: Page): Promise<number> {
  const response = await page.request.get("/zim-sandbox/_sandbox/broadcasts");
  return ((await response.json()) as { Broadcasts: unknown[] }).Broadcasts.length;
}

/** Review, check the sentence, type the app's name, send, and land on the result page. */
async function confirmAndSend(page: Page, sentence: string) {
  await page.getByRole("button", { name: "Review and send…" }).click();
  const dialog = page.getByRole("dialog", { name: "Send this announcement to every user?" });
  await expect(dialog.getByTestId("confirm-sentence")).toHaveText(sentence);
  await dialog.getByLabel("Type the app's name, Sandbox, to confirm").fill("Sandbox");
  await dialog.getByRole("button", { name: "Send to all users" }).click();
  await expect(page).toHaveURL(/\/history\/[0-9a-f-]{36}$/);
}

// First in this file: it counts on the quota this run has used so far, and gives it back at the end.
test("the quota: the meter counts, the button says when the next one fits, and the server refuses the same way", async ({ page, request }) => {
  const { sender } = await seedUsers(page, { sender: { Online: true, PushRegistered: false } });
  const before = await quotaOfSandbox(page);
  const limit = before.usedLast24h + 1;
  try {
    await page.goto("/sandbox");
    const settings = page.getByRole("form", { name: "Moderation, recall and announcements" });
    await settings.getByLabel("Announcements per 24 hours").fill(String(limit));
    await settings.getByRole("button", { name: "Save" }).click();
    await expect(settings.getByText("Settings saved.")).toBeVisible();

    await announcementForm(page, { from: sender, text: unique("quota") });
    await expect(page.getByTestId("quota-used")).toHaveText(`${before.usedLast24h} / ${limit}`);
    await expect(page.getByTestId("quota-next")).toHaveText("The next one may go now.");
    await confirmAndSend(page, "Announcement to every user of app Sandbox: text message, online users only.");
    await expect(page.getByTestId("outcome")).toHaveText("Delivered");

    await announcementForm(page, { from: sender, text: unique("over") });
    await expect(page.getByTestId("quota-used")).toHaveText(`${limit} / ${limit}`);
    await expect(page.getByTestId("quota-remaining")).toHaveText("0 left");
    await expect(page.getByTestId("quota-next")).toContainText(/The next one may go at .+ \(in (23|24) hours\)\./);
    const review = page.getByRole("button", { name: "Review and send…" });
    await expect(review).toBeDisabled();
    await expect(page.getByTestId("quota-refusal")).toContainText(/^Over the quota: .+ The next one fits at .+ \(in (23|24) hours\)\.$/);

    // The server makes the same check: a send past the quota is refused, with the time it fits, and nothing goes out.
    const sent = await sandboxBroadcasts(page);
    const input = { appKey: "sandbox", idempotencyKey: `over-quota-${Date.now()}-xxxxxx`, request: { FromUserId: sender, MessageType: 1, MessageBody: { Message: "one too many" } } };
    const refused = await callServerAction(request, page, { file: "app/(console)/announcements/actions.ts", name: "sendAnnouncementAction", args: [input], path: "/announcements" });
    expect(refused.body).toContain('"refused":{"reason":"quota","nextAllowedAt":"');
    expect(await sandboxBroadcasts(page)).toBe(sent);
  } finally {
    const restored = await page.request.put("/zim-sandbox/_sandbox/settings", { data: { BroadcastDailyLimit: 100 }, headers: SAME_ORIGIN });
    expect(restored.ok()).toBe(true);
  }
});

test("online users only (PushType 0): online users have it, offline ones do not; the result cannot be recalled", async ({ page }) => {
  const u = await seedUsers(page, {
    sender: { Online: true, PushRegistered: false },
    online: { Online: true, PushRegistered: false },
    offline: { Online: false, PushRegistered: true },
  });
  const text = unique("hello-all");
  await announcementForm(page, { from: u.sender, text });
  await expect(page.getByTestId("not-stored")).toContainText("cannot be recalled");
  await expect(page.getByLabel("Online users only")).toBeChecked();
  await expect(page.getByTestId("request-body")).toContainText('"PushType": 0');
  await confirmAndSend(page, "Announcement to every user of app Sandbox: text message, online users only.");

  await expect(page.getByRole("heading", { name: "Announcement to all users", level: 1 })).toBeVisible();
  await expect(page.getByTestId("outcome")).toHaveText("Delivered");
  await expect(page.getByTestId("request-id")).toHaveText(/^\d+$/);
  await expect(page.getByTestId("audience")).toHaveText("Online users only (PushType 0)");
  await expect(page.getByTestId("no-recall")).toHaveText("Announcements cannot be recalled: ZIM does not store them.");
  await expect(page.getByRole("button", { name: "Recall…" })).toHaveCount(0);
  await expect(page.getByText("MsgSeq", { exact: true })).toHaveCount(0);

  await expect.poll(async () => (await inbox(page, u.online)).filter((m) => m.MessageBody.Message === text).map((m) => m.Kind)).toEqual(["broadcast"]);
  expect((await inbox(page, u.offline)).filter((m) => m.MessageBody.Message === text)).toEqual([]);

  await page.goto("/history?kind=broadcast");
  const row = page.getByTestId("history-row").first();
  await expect(row).toContainText("All users (announcement)");
  await expect(row).toContainText("Online users");
  await page.goto("/history?kind=group");
  await expect(page.getByTestId("history-row").filter({ hasText: "All users (announcement)" })).toHaveCount(0);
});

test("online users plus push (PushType 1): offline users registered for push get a push; the draft survives a reload", async ({ page }) => {
  const u = await seedUsers(page, {
    sender: { Online: true, PushRegistered: false },
    online: { Online: true, PushRegistered: false },
    away: { Online: false, PushRegistered: true },
    silent: { Online: false, PushRegistered: false },
  });
  const text = unique("doors-open");
  const form = await announcementForm(page, { from: u.sender, text });
  await form.getByLabel("Online users, and offline users by push").check();
  await form.getByLabel("Push title").fill("Event news");
  await expect(page.getByRole("figure", { name: "As a push notification" })).toContainText("Event news");
  await page.reload();
  await expect(page.getByText("Your draft was restored.")).toBeVisible();
  await expect(page.getByLabel("Message", { exact: true })).toHaveValue(text);
  await expect(page.getByLabel("Online users, and offline users by push")).toBeChecked();
  await confirmAndSend(page, "Announcement to every user of app Sandbox: text message, online users plus offline push.");
  await expect(page.getByTestId("outcome")).toHaveText("Delivered");

  const mine = async (userId: string) => (await inbox(page, userId)).filter((m) => m.MessageBody.Message === text);
  await expect.poll(async () => (await mine(u.away)).map((m) => m.Kind)).toEqual(["push"]);
  expect((await mine(u.away))[0]?.MessageBody.OfflinePush).toMatchObject({ Enable: 1, Title: "Event news" });
  expect((await mine(u.online)).map((m) => m.Kind)).toEqual(["broadcast"]);
  expect(await mine(u.silent)).toEqual([]);
  await page.goto("/announcements");
  await expect(page.getByLabel("Message", { exact: true })).toHaveValue("");
});

test("the confirmation enables sending only once the app's name is typed exactly", async ({ page }) => {
  const { sender } = await seedUsers(page, { sender: { Online: true, PushRegistered: false } });
  const sent = await sandboxBroadcasts(page);
  await announcementForm(page, { from: sender, text: unique("careful") });
  await page.getByRole("button", { name: "Review and send…" }).click();
  const dialog = page.getByRole("dialog", { name: "Send this announcement to every user?" });
  const name = dialog.getByLabel("Type the app's name, Sandbox, to confirm");
  const send = dialog.getByRole("button", { name: "Send to all users" });
  await expect(send).toBeDisabled();
  for (const attempt of ["sandbox", "Sandbo", "Sandbox ", " Sandbox"]) {
    await name.fill(attempt);
    await expect(send, attempt).toBeDisabled();
  }
  await name.fill("Sandbox");
  await expect(send).toBeEnabled();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: "Review and send…" }).click();
  await expect(page.getByRole("dialog").getByLabel("Type the app's name, Sandbox, to confirm")).toHaveValue("");
  await expect(page.getByRole("dialog").getByRole("button", { name: "Send to all users" })).toBeDisabled();
  expect(await sandboxBroadcasts(page)).toBe(sent);
});

test("a viewer sees the quota but cannot send: no form, and the server action refuses", async ({ page, browser, request }) => {
  const email = uniqueEmail("announce-viewer");
  const oneTime = await createOperator(page, email, "viewer");
  const viewer = await browser.newPage();
  await firstSignIn(viewer, email, oneTime, "viewer-password-123");
  await viewer.goto("/announcements");
  await expect(viewer.getByTestId("viewer-cannot-send")).toBeVisible();
  await expect(viewer.getByRole("form", { name: "Announcement" })).toHaveCount(0);
  await expect(viewer.getByRole("region", { name: "Announcement quota of Sandbox" })).toBeVisible();
  const sent = await sandboxBroadcasts(page);
  const input = { appKey: "sandbox", idempotencyKey: `viewer-announce-${Date.now()}-xxxx`, request: { FromUserId: "admin", MessageType: 1, MessageBody: { Message: "from a viewer" } } };
  const denied = await callServerAction(request, viewer, { file: "app/(console)/announcements/actions.ts", name: "sendAnnouncementAction", args: [input], path: "/announcements" });
  expect(denied.body).toContain("Your role does not allow this.");
  expect(await sandboxBroadcasts(page)).toBe(sent);
});
