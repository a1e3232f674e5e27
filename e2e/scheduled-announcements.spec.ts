import { expect, test, type Page } from "@playwright/test";
import { announcementForm, quotaOfSandbox, seedUsers } from "./announcement-support";
import { inbox, unique } from "./messages-support";
import { itemStatus, scheduleFor, setSandboxApproval, wallTime, ZONE } from "./scheduled-support";
import { callServerAction, createOperator, firstSignIn, SAME_ORIGIN, signInAsAdmin, uniqueEmail } from "./support";

test.use({ timezoneId: ZONE });

test.beforeEach(async ({ page }) => {
  await signInAsAdmin(page);
});

const HOUR = 3_600_000;
const ONLINE = { Online: true, PushRegistered: false };

/** Review, check the dialog's title, type the app's name, confirm, and land on the item's page; answers its id. */
async function confirmItem(page: Page, { review, title, confirm }: { review: string; title: string; confirm: string }): Promise<string> {
  await page.getByRole("button", { name: review }).click();
  const dialog = page.getByRole("dialog", { name: title });
  const button = dialog.getByRole("button", { name: confirm, exact: true });
  await expect(button).toBeDisabled();
  await dialog.getByLabel("Type the app's name, Sandbox, to confirm").fill("Sandbox");
  await button.click();
  await expect(page).toHaveURL(/\/scheduled\/[0-9a-f-]{36}$/);
  return page.url().split("/").at(-1)!;
}

const schedule = { review: "Review and schedule…", title: "Schedule this announcement?", confirm: "Schedule" };
const save = { review: "Review and save…", title: "Save the changes to this announcement?", confirm: "Save the changes" };
const forApproval = { review: "Review and submit for approval…", title: "Submit this announcement for approval?", confirm: "Submit for approval" };

/** The texts among `texts` that reached a user. */
async function received(page: Page, userId: string, texts: string[]): Promise<string[]> {
  return (await inbox(page, userId)).map((m) => m.MessageBody.Message ?? "").filter((m) => texts.includes(m));
}

/** Moves the edited item's time, straight in the date and time fields (an item being edited stays scheduled). */
async function moveTo(page: Page, when: { date: string; time: string }) {
  const control = page.getByTestId("schedule-control");
  await control.getByLabel("Date", { exact: true }).fill(when.date);
  await control.getByLabel("Time", { exact: true }).fill(when.time);
}

test("an announcement scheduled a few seconds ahead goes out: online users have it, History links its schedule, Scheduled shows it sent", async ({ page }) => {
  const u = await seedUsers(page, { sender: ONLINE, online: ONLINE, offline: { Online: false, PushRegistered: true } });
  const text = unique("on-time");
  await announcementForm(page, { from: u.sender, text });
  await scheduleFor(page, wallTime(Date.now() + 6_000));
  await page.getByRole("button", { name: schedule.review }).click();
  const dialog = page.getByRole("dialog", { name: schedule.title });
  await expect(dialog.getByTestId("confirm-sentence")).toHaveText("Announcement to every user of app Sandbox: text message, online users only.");
  await expect(dialog.getByTestId("confirm-when")).toContainText(`in ${ZONE} (UTC+0`);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  const id = await confirmItem(page, schedule);
  await expect(page.getByRole("heading", { name: "Scheduled announcement in Sandbox", level: 1 })).toBeVisible();
  await expect(page.getByTestId("when-zone")).toHaveText(/^Europe\/Berlin \(UTC\+0[12]:00\)$/);

  await expect.poll(async () => (await inbox(page, u.online)).filter((m) => m.MessageBody.Message === text).map((m) => m.Kind), { timeout: 30_000 }).toEqual(["broadcast"]);
  await expect(itemStatus(page)).toHaveText("Sent", { timeout: 15_000 });
  expect(await received(page, u.offline, [text])).toEqual([]);

  await page.goto("/history?kind=broadcast");
  const row = page.getByTestId("history-row").filter({ hasText: u.sender });
  await expect(row.getByTestId("scheduled-link")).toHaveAttribute("href", `/scheduled/${id}`);
  await row.getByRole("link", { name: "Details of the announcement to all users" }).click();
  await expect(page).toHaveURL(/\/history\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("outcome")).toHaveText("Delivered");
  await page.getByTestId("scheduled-link").click();
  await expect(page).toHaveURL(`/scheduled/${id}`);

  await page.goto("/scheduled?view=past");
  const listed = page.getByRole("row").filter({ has: page.locator(`a[href="/scheduled/${id}"]`) });
  await expect(listed.getByTestId("item-status")).toHaveText("Sent");
});

test("a scheduled announcement is edited on the Announcements page and goes out as edited; a cancelled one never does", async ({ page }) => {
  test.setTimeout(120_000);
  const u = await seedUsers(page, { sender: ONLINE, online: ONLINE });
  const [first, edited, cancelled] = [unique("first-words"), unique("edited-words"), unique("never-sent")];
  await announcementForm(page, { from: u.sender, text: first });
  await scheduleFor(page, wallTime(Date.now() + HOUR));
  const id = await confirmItem(page, schedule);

  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page).toHaveURL(`/announcements?item=${id}`);
  await expect(page.getByTestId("editing-item")).toContainText("You are editing a scheduled announcement (version 1)");
  await expect(page.getByLabel("Message", { exact: true })).toHaveValue(first);
  await expect(page.getByTestId("schedule-control").getByLabel("Send now")).toHaveCount(0);
  await page.getByLabel("Message", { exact: true }).fill(edited);
  const due = Date.now() + 40_000;
  await moveTo(page, wallTime(due));
  expect(await confirmItem(page, save)).toBe(id);
  await expect(page.getByText("(version 2)")).toBeVisible();
  await expect(page.getByRole("figure", { name: "As an announcement" })).toContainText(edited);

  // A twin due two seconds earlier (ZIM takes one announcement per second), cancelled before its time: the edited
  // one arriving shows the dispatcher has been past it.
  await announcementForm(page, { from: u.sender, text: cancelled });
  await scheduleFor(page, wallTime(due - 2_000));
  const twin = await confirmItem(page, schedule);
  await page.getByRole("button", { name: "Cancel…" }).click();
  await page.getByRole("dialog", { name: "Cancel this scheduled message?" }).getByRole("button", { name: "Cancel it" }).click();
  await expect(itemStatus(page)).toHaveText("Cancelled");

  await expect.poll(async () => received(page, u.online, [first, edited, cancelled]), { timeout: 60_000 }).toEqual([edited]);
  await page.goto(`/scheduled/${id}`);
  await expect(itemStatus(page)).toHaveText("Sent", { timeout: 15_000 });
  await page.goto(`/announcements?item=${twin}`);
  await expect(page.getByText("This announcement can no longer be edited")).toBeVisible();
  await expect(page.getByRole("form", { name: "Announcement" })).toHaveCount(0);
  expect(await received(page, u.online, [first, edited, cancelled])).toEqual([edited]);
});

test("approval: the author cannot approve, a second operator reads and approves; an edit voids an approval and unapproved it is held; a rejection tells the author why", async ({ page, browser, request }) => {
  test.setTimeout(150_000);
  const u = await seedUsers(page, { sender: ONLINE, online: ONLINE });
  const email = uniqueEmail("approver");
  const oneTime = await createOperator(page, email, "operator");
  const reviewer = await (await browser.newContext({ timezoneId: ZONE })).newPage();
  await firstSignIn(reviewer, email, oneTime, "approver-password-1");
  const [approved, held, rejected] = [unique("approved"), unique("held"), unique("rejected")];
  const texts = [approved, held, rejected];
  await setSandboxApproval(page, true);
  try {
    // Sent "now" on an app that asks for approval: it waits for a second operator, then goes out at once.
    await announcementForm(page, { from: u.sender, text: approved });
    await expect(page.getByTestId("approval-required")).toBeVisible();
    await page.getByRole("button", { name: forApproval.review }).click();
    await expect(page.getByRole("dialog", { name: forApproval.title }).getByTestId("confirm-on-approval")).toContainText("as soon as a second operator approves it");
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    const first = await confirmItem(page, forApproval);
    await expect(page.getByTestId("on-approval")).toContainText("It goes out when a second operator approves it");
    await expect(page.getByTestId("approval-state")).toHaveText("Waiting for approval");
    await expect(page.getByText("You cannot approve your own announcement")).toBeVisible();
    await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
    // The server holds to it too: no announcement of this app goes out "now" around the approval.
    const bypass = { appKey: "sandbox", idempotencyKey: `bypass-${Date.now()}-xxxxxxxx`, request: { FromUserId: u.sender, MessageType: 1, MessageBody: { Message: approved } } };
    const refused = await callServerAction(request, page, { file: "app/(console)/announcements/actions.ts", name: "sendAnnouncementAction", args: [bypass], path: "/announcements" });
    expect(refused.body).toContain("This app asks for a second operator's approval before an announcement goes out, so nothing was sent.");

    await reviewer.goto(`/scheduled/${first}`);
    await expect(reviewer.getByRole("figure", { name: "As an announcement" })).toContainText(approved);
    await expect(reviewer.getByTestId("request-body")).toContainText(`"FromUserId": "${u.sender}"`);
    await reviewer.getByRole("button", { name: "Approve" }).click();
    await expect(reviewer.getByTestId("approval-state")).toHaveText(`Approved by ${email}`);
    await expect.poll(async () => received(page, u.online, texts), { timeout: 30_000 }).toEqual([approved]);
    await expect(itemStatus(reviewer)).toHaveText("Sent", { timeout: 15_000 });

    // Scheduled for later: approved, then edited by its author, which voids the approval; at its time it is held.
    await announcementForm(page, { from: u.sender, text: unique("draft") });
    await scheduleFor(page, wallTime(Date.now() + HOUR));
    await page.getByRole("button", { name: schedule.review }).click();
    await expect(page.getByRole("dialog", { name: schedule.title }).getByTestId("confirm-approval")).toContainText("without approval at its time it does not go out");
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    const second = await confirmItem(page, schedule);
    await reviewer.goto(`/scheduled/${second}`);
    await reviewer.getByRole("button", { name: "Approve" }).click();
    await expect(reviewer.getByTestId("approval-state")).toHaveText(`Approved by ${email}`);
    await page.goto(`/announcements?item=${second}`);
    await page.getByLabel("Message", { exact: true }).fill(held);
    await moveTo(page, wallTime(Date.now() + 15_000));
    await confirmItem(page, save);
    await expect(page.getByTestId("approval-state")).toHaveText("Waiting for approval");
    await reviewer.reload();
    await expect(reviewer.getByTestId("approval-state")).toHaveText("Waiting for approval");
    await expect(itemStatus(page)).toHaveText("Held: not approved", { timeout: 40_000 });
    await expect(page.getByTestId("run-reason")).toHaveText("Nobody approved it before its time, so it did not go out.");

    // Rejected with a reason: cancelled for good, and its author is told why.
    await announcementForm(page, { from: u.sender, text: rejected });
    const third = await confirmItem(page, forApproval);
    await reviewer.goto(`/scheduled/${third}`);
    await reviewer.getByLabel("Note for the author").fill("Not before the launch");
    await reviewer.getByRole("button", { name: "Reject" }).click();
    await expect(reviewer.getByTestId("approval-state")).toHaveText(`Rejected by ${email}`);
    await expect(itemStatus(reviewer)).toHaveText("Cancelled");

    await page.goto("/history");
    const banner = page.getByTestId("attention-banner");
    await expect(banner).toContainText("Held and not sent (no approval in time): announcement to all users in Sandbox");
    await expect(banner).toContainText("Rejected by a reviewer: announcement to all users in Sandbox");
    await expect(banner).toContainText("Not before the launch");
    expect(await received(page, u.online, texts)).toEqual([approved]);
  } finally {
    await setSandboxApproval(page, false);
  }
});

test("scheduling past the app's announcement quota is refused beside the time, with when one more would fit", async ({ page }) => {
  const u = await seedUsers(page, { sender: ONLINE });
  // Room for exactly one more next to what this run has announced so far.
  const used = await quotaOfSandbox(page);
  const limit = used.usedLast24h + used.scheduledNext24h + 1;
  expect((await page.request.put("/zim-sandbox/_sandbox/settings", { data: { BroadcastDailyLimit: limit }, headers: SAME_ORIGIN })).ok()).toBe(true);
  let filler: string | undefined;
  try {
    const base = Date.now() + 2 * HOUR;
    await announcementForm(page, { from: u.sender, text: unique("fits") });
    await scheduleFor(page, wallTime(base));
    filler = await confirmItem(page, schedule);

    await announcementForm(page, { from: u.sender, text: unique("too-many") });
    const control = await scheduleFor(page, wallTime(base + 60_000));
    await page.getByRole("button", { name: schedule.review }).click();
    const dialog = page.getByRole("dialog", { name: schedule.title });
    await dialog.getByLabel("Type the app's name, Sandbox, to confirm").fill("Sandbox");
    await dialog.getByRole("button", { name: schedule.confirm, exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(control.getByText(`The app allows ${limit} announcements in any 24 hours`, { exact: false })).toBeVisible();
    await expect(control.getByText(/The earliest time one more fits is .+ at .+\./)).toBeVisible();
    await expect(control.getByLabel("Time", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL("/announcements");
  } finally {
    if (filler) {
      await page.goto(`/scheduled/${filler}`);
      await page.getByRole("button", { name: "Cancel…" }).click();
      await page.getByRole("dialog", { name: "Cancel this scheduled message?" }).getByRole("button", { name: "Cancel it" }).click();
      await expect(itemStatus(page)).toHaveText("Cancelled");
    }
    await page.request.put("/zim-sandbox/_sandbox/settings", { data: { BroadcastDailyLimit: 100 }, headers: SAME_ORIGIN });
  }
});
