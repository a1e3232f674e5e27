import { expect, test } from "@playwright/test";
import { quotaOfSandbox } from "./announcement-support";
import { compose, inbox, seedGroup } from "./messages-support";
import {
  announcementInput, idIn, itemStatus, reviewAndSchedule, scheduledAction, scheduleFor, setSandboxApproval, wallTime, ZONE,
} from "./scheduled-support";
import { createOperator, firstSignIn, SAME_ORIGIN, seriousViolations, signInAsAdmin, uniqueEmail } from "./support";

test.use({ timezoneId: ZONE });

test.beforeEach(async ({ page }) => {
  await signInAsAdmin(page);
});

const HOUR = 3_600_000;

test("a scheduled group message is listed with its zone, UTC and relative time, and its time can be edited", async ({ page }) => {
  const g = await seedGroup(page, { a: { Online: true } });
  await compose(page, { from: g.sender, group: g.groupId, text: "See you at the stand-up" });
  const control = await scheduleFor(page, wallTime(Date.now() + HOUR));
  await expect(control.getByLabel("Time zone")).toHaveValue(ZONE);
  await expect(control.getByTestId("verdict-local")).toContainText(/\(UTC\+0[12]:00\)$/);
  await expect(control.getByTestId("verdict-utc")).not.toBeEmpty();
  await expect(control.getByTestId("verdict-relative")).toHaveText(/^in (59|60) minutes$|^in 1 hour$/);
  const id = await reviewAndSchedule(page);

  await expect(page.getByTestId("item-status")).toHaveText("Scheduled");
  await expect(page.getByTestId("when-zone")).toHaveText(/^Europe\/Berlin \(UTC\+0[12]:00\)$/);
  await expect(page.getByTestId("when-utc")).toHaveText(/ UTC$/);
  await expect(page.getByTestId("when-relative")).toHaveText(/^in (59|60) minutes$|^in 1 hour$/);
  await expect(page.getByTestId("request-body")).toContainText("See you at the stand-up");

  await page.goto("/scheduled");
  const row = page.getByRole("row", { name: new RegExp(g.groupId) });
  await expect(row.getByTestId("when-relative")).toHaveText(/^in (59|60) minutes$|^in 1 hour$/);
  await expect(row.getByTestId("item-status")).toHaveText("Scheduled");
  await row.getByRole("link", { name: "Edit" }).click();
  await expect(page).toHaveURL(`/scheduled/${id}/edit`);
  await expect(page.getByLabel("Message", { exact: true })).toHaveValue("See you at the stand-up");
  await page.getByTestId("schedule-control").getByLabel("Time", { exact: true }).fill(wallTime(Date.now() + 3 * HOUR).time);
  const when = wallTime(Date.now() + 3 * HOUR);
  await page.getByTestId("schedule-control").getByLabel("Date", { exact: true }).fill(when.date);
  expect(await reviewAndSchedule(page, "Save the changes")).toBe(id);
  await expect(page.getByTestId("when-relative")).toHaveText(/^in (2|3) hours$/);
  await expect(page.getByText("(version 2)")).toBeVisible();

  await page.getByRole("link", { name: "Duplicate" }).click();
  await expect(page).toHaveURL(`/compose?duplicate=${id}`);
  await expect(page.getByText("This is a copy of a scheduled message.", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Message", { exact: true })).toHaveValue("See you at the stand-up");
  await expect(page.getByTestId("schedule-control").getByLabel("Date", { exact: true })).toHaveValue(when.date);
});

test("a message scheduled a few seconds ahead goes out at its time", async ({ page }) => {
  const g = await seedGroup(page, { a: { Online: true } });
  await compose(page, { from: g.sender, group: g.groupId, text: "Right on time" });
  await scheduleFor(page, wallTime(Date.now() + 6_000));
  await reviewAndSchedule(page);
  await expect.poll(async () => (await inbox(page, g.ids.a, g.groupId)).map((m) => m.MessageBody.Message), { timeout: 30_000 }).toEqual(["Right on time"]);
  await expect(itemStatus(page)).toHaveText("Sent", { timeout: 15_000 });
  await page.getByRole("link", { name: "Open the send" }).click();
  await expect(page.getByTestId("outcome")).toHaveText("Delivered");
});

test("a cancelled message does not go out", async ({ page }) => {
  const g = await seedGroup(page, { a: { Online: true } });
  const due = Date.now() + 20_000;
  await compose(page, { from: g.sender, group: g.groupId, text: "Never mind" });
  await scheduleFor(page, wallTime(due));
  await reviewAndSchedule(page);
  await page.getByRole("button", { name: "Cancel…" }).click();
  await page.getByRole("dialog", { name: "Cancel this scheduled message?" }).getByRole("button", { name: "Cancel it" }).click();
  await expect(page.getByTestId("item-status")).toHaveText("Cancelled");
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  // A twin due at the same time that is not cancelled shows the dispatcher ran; the cancelled one never arrives.
  await compose(page, { from: g.sender, group: g.groupId, text: "Still on" });
  await scheduleFor(page, wallTime(due));
  await reviewAndSchedule(page);
  await expect.poll(async () => (await inbox(page, g.ids.a, g.groupId)).map((m) => m.MessageBody.Message), { timeout: 40_000 }).toEqual(["Still on"]);
});

test("a time skipped by daylight saving is explained, with the first valid time one click away", async ({ page }) => {
  await compose(page, { from: "ops", group: "sample-team", text: "Spring forward" });
  const control = await scheduleFor(page, { date: "2027-03-28", time: "02:30" });
  const verdict = control.getByTestId("schedule-verdict");
  await expect(verdict).toContainText("02:30 does not exist in Europe/Berlin on that day");
  await expect(verdict).toContainText("The first valid time is 03:00.");
  await page.getByRole("button", { name: "Review and schedule…" }).click();
  await expect(control.getByText("This time does not exist in this time zone that day", { exact: false })).toBeVisible();
  await expect(control.getByLabel("Time", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await verdict.getByRole("button", { name: "Use 03:00" }).click();
  await expect(control.getByLabel("Time", { exact: true })).toHaveValue("03:00");
  await expect(control.getByTestId("verdict-local")).toContainText("03:00 (UTC+02:00)");
  await expect(control.getByTestId("verdict-utc")).toContainText("01:00");
});

test("a time that happens twice must be chosen, and the choice is kept", async ({ page }) => {
  await compose(page, { from: "ops", group: "sample-team", text: "Fall back" });
  const control = await scheduleFor(page, { date: "2027-10-31", time: "02:30" });
  const verdict = control.getByRole("group", { name: "02:30 happens twice in Europe/Berlin on that day" });
  await page.getByRole("button", { name: "Review and schedule…" }).click();
  await expect(verdict.getByText("This time happens twice that day", { exact: false })).toBeVisible();
  await verdict.getByLabel(/^The second time, UTC\+01:00/).check();
  await expect(verdict.getByRole("alert")).toHaveCount(0);
  await page.getByRole("button", { name: "Review and schedule…" }).click();
  await expect(page.getByRole("dialog").getByTestId("confirm-when")).toContainText("(UTC+01:00), that is Oct 31, 2027, 01:30 UTC");
  await page.getByRole("dialog").getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(page).toHaveURL(/\/scheduled\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("when-utc")).toHaveText("Oct 31, 2027, 01:30 UTC");
  await page.getByRole("button", { name: "Cancel…" }).click();
  await page.getByRole("dialog", { name: "Cancel this scheduled message?" }).getByRole("button", { name: "Cancel it" }).click();
  await expect(page.getByTestId("item-status")).toHaveText("Cancelled");
});

test("a past time and an unknown zone are refused beside their fields, by the form and by the server", async ({ page, request }) => {
  await compose(page, { from: "ops", group: "sample-team", text: "Too late" });
  const control = await scheduleFor(page, wallTime(Date.now() - 5 * 60_000));
  await page.getByRole("button", { name: "Review and schedule…" }).click();
  await expect(control.getByText("This time has already passed.", { exact: false })).toBeVisible();
  await expect(control.getByLabel("Time", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("dialog")).toBeHidden();
  const late = await scheduledAction(request, page, "createItemAction", { ...announcementInput("ops", "Too late", wallTime(Date.now() - 5 * 60_000)), kind: "group", request: { FromUserId: "ops", GroupId: "sample-team", MessageType: 1, Priority: 2, MessageBody: { Message: "Too late" } } });
  expect(late.body).toContain("scheduleErrors.past");
  expect(idIn(late.body)).toBeUndefined();
  await control.getByLabel("Time zone").fill("Mars/Olympus");
  await expect(control.getByText("This is not a time zone the console knows.", { exact: false })).toBeVisible();
  await expect(control.getByLabel("Time zone")).toHaveAttribute("aria-invalid", "true");
});

test("an announcement series beyond the app's daily quota is refused with the time it would fit", async ({ page, request }) => {
  const g = await seedGroup(page, { a: { Online: true } });
  // Room for exactly two more next to what this run has announced so far.
  const used = await quotaOfSandbox(page);
  const limit = used.usedLast24h + used.scheduledNext24h + 2;
  expect((await page.request.put("/zim-sandbox/_sandbox/settings", { data: { BroadcastDailyLimit: limit }, headers: SAME_ORIGIN })).ok()).toBe(true);
  try {
    const base = Date.now() + 2 * HOUR;
    const day = page.locator(`[data-day="${wallTime(base).date}"]`);
    const dayQuota = day.getByTestId("day-quota");
    await page.goto("/scheduled?view=calendar");
    await expect(page.getByText(`Each day shows the announcements of Sandbox sent and scheduled that day; the app allows ${limit} in any 24 hours.`)).toBeVisible();
    // A day with no announcement shows no count.
    const before = (await dayQuota.count()) === 0 ? 0 : Number(/^(\d+) \//.exec((await dayQuota.textContent()) ?? "")?.[1]);
    const ids: string[] = [];
    for (const offset of [0, 60_000]) {
      const created = await scheduledAction(request, page, "createItemAction", announcementInput(g.sender, "Quota filler", wallTime(base + offset)));
      ids.push(idIn(created.body)!);
    }
    expect(ids.every(Boolean)).toBe(true);
    const refused = await scheduledAction(request, page, "createItemAction", announcementInput(g.sender, "One too many", wallTime(base + 2 * 60_000)));
    expect(refused.body).toContain(`The app allows ${limit} announcements in any 24 hours`);
    expect(refused.body).toContain("The earliest time one more fits is");
    expect(idIn(refused.body)).toBeUndefined();

    await page.goto("/scheduled?view=calendar");
    await expect(dayQuota).toHaveText(`${before + 2} / ${limit} announcements`);
    for (const id of ids) await scheduledAction(request, page, "cancelItemAction", { id, expectedVersion: 1 });
  } finally {
    await page.request.put("/zim-sandbox/_sandbox/settings", { data: { BroadcastDailyLimit: 100 }, headers: SAME_ORIGIN });
  }
});

test("an announcement needing approval: the author cannot approve, a second operator sees it all and decides", async ({ page, browser, request }) => {
  const g = await seedGroup(page, { a: { Online: true } });
  const email = uniqueEmail("reviewer");
  const oneTime = await createOperator(page, email, "operator");
  const reviewer = await (await browser.newContext({ timezoneId: ZONE })).newPage();
  await firstSignIn(reviewer, email, oneTime, "reviewer-password-1");
  await setSandboxApproval(page, true);
  try {
    const created = await scheduledAction(request, page, "createItemAction", announcementInput(g.sender, "Maintenance tonight at 22:00", wallTime(Date.now() + 5 * HOUR)));
    const id = idIn(created.body)!;
    expect(id).toBeTruthy();

    await page.goto(`/scheduled/${id}`);
    await expect(page.getByTestId("approval-state")).toHaveText("Waiting for approval");
    await expect(page.getByText("You cannot approve your own announcement")).toBeVisible();
    await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
    const self = await scheduledAction(request, page, "reviewItemAction", { id, expectedVersion: 1, decision: "approve", reason: "" });
    expect(self.body).toContain("You wrote or last changed this announcement");

    await reviewer.goto("/scheduled?view=approval");
    const row = reviewer.getByRole("row", { name: /All users/ }).filter({ hasText: "Waiting for approval" }).first();
    await expect(row).toBeVisible();
    await reviewer.goto(`/scheduled/${id}`);
    await expect(reviewer.getByRole("figure", { name: "As an announcement" })).toContainText("Maintenance tonight at 22:00");
    await expect(reviewer.getByTestId("request-body")).toContainText('"PushType": 0');
    expect(await seriousViolations(reviewer)).toEqual([]);
    await reviewer.getByLabel("Note for the author").fill("Wording checked");
    await reviewer.getByRole("button", { name: "Approve" }).click();
    await expect(reviewer.getByTestId("approval-state")).toHaveText(`Approved by ${email}`);

    // An edit after approval voids it.
    const edited = await scheduledAction(request, page, "editItemAction", { ...announcementInput(g.sender, "Maintenance tonight at 23:00", wallTime(Date.now() + 6 * HOUR)), id, expectedVersion: 1 });
    expect(idIn(edited.body)).toBe(id);
    await reviewer.reload();
    await expect(reviewer.getByTestId("approval-state")).toHaveText("Waiting for approval");

    await reviewer.getByRole("button", { name: "Reject" }).click();
    await expect(reviewer.getByText("Say why you reject it", { exact: false })).toBeVisible();
    await reviewer.getByLabel("Note for the author").fill("Wrong hour in the text");
    await reviewer.getByRole("button", { name: "Reject" }).click();
    await expect(reviewer.getByTestId("approval-state")).toHaveText(`Rejected by ${email}`);
    await expect(reviewer.getByTestId("item-status")).toHaveText("Cancelled");

    await page.goto("/history");
    const banner = page.getByTestId("attention-banner");
    await expect(banner).toContainText("Rejected by a reviewer: announcement to all users in Sandbox");
    await expect(banner).toContainText("Wrong hour in the text");
    await banner.getByRole("button", { name: "Mark as seen" }).click();
    await expect(banner).toBeHidden();

    await page.goto("/settings/audit?action=schedule.");
    for (const action of ["schedule.create", "schedule.approve", "schedule.edit", "schedule.reject"]) {
      await expect(page.getByRole("cell", { name: action, exact: true }).first()).toBeVisible();
    }
  } finally {
    await setSandboxApproval(page, false);
  }
});
