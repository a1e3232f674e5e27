import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { callServerAction } from "./support";

export const ZONE = "Europe/Berlin";

/** The item's own status on its page (its runs table shows each occurrence's status too). */
export const itemStatus = (page: Page) => page.getByRole("region", { name: "Details" }).getByTestId("item-status");

/** Wall-clock date and time ("YYYY-MM-DD", "HH:mm:ss") of an instant in a zone. */
export function wallTime(ms: number, zone = ZONE): { date: string; time: string } {
  const [date, time] = new Intl.DateTimeFormat("sv-SE", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" })
    .format(new Date(ms))
    .split(" ") as [string, string];
  return { date, time };
}

/** Switches the composer's schedule control to "later" and fills in the date and time (and zone). */
export async function scheduleFor(page: Page, when: { date: string; time: string }, zone?: string) {
  const control = page.getByTestId("schedule-control");
  await control.getByLabel("Schedule for later").check();
  if (zone) await control.getByLabel("Time zone").fill(zone);
  await control.getByLabel("Date", { exact: true }).fill(when.date);
  await control.getByLabel("Time", { exact: true }).fill(when.time);
  return control;
}

/** Review, check the confirmation, schedule, and land on the new item's page; answers its id. */
export async function reviewAndSchedule(page: Page, confirmLabel = "Schedule"): Promise<string> {
  await page.getByRole("button", { name: /^Review and (schedule|save)…$/ }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("confirm-when")).toContainText(ZONE);
  await dialog.getByRole("button", { name: confirmLabel, exact: true }).click();
  await expect(page).toHaveURL(/\/scheduled\/[0-9a-f-]{36}$/);
  return page.url().split("/").at(-1)!;
}

const ACTIONS = "app/(console)/scheduled/actions.ts";

/** Calls a Scheduled server action as the signed-in `page`, as the Announcements page will. */
export function scheduledAction(request: APIRequestContext, page: Page, name: string, input: Record<string, unknown>) {
  return callServerAction(request, page, { file: ACTIONS, name, args: [input], path: "/scheduled" });
}

export function announcementInput(sender: string, text: string, when: { date: string; time: string }) {
  return {
    kind: "broadcast",
    appKey: "sandbox",
    createKey: `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`,
    request: { FromUserId: sender, MessageType: 1, MessageBody: { Message: text } },
    schedule: { mode: "later", date: when.date, time: when.time.slice(0, 5), timeZone: ZONE, occurrence: "", repeat: "none", weekdays: [], until: "" },
  };
}

export const idIn = (body: string) => /"id":"([0-9a-f-]{36})"/.exec(body)?.[1];

/** The sandbox app's scheduling policy, through Settings › Apps. */
export async function setSandboxApproval(page: Page, on: boolean) {
  await page.goto("/settings/apps");
  const form = page.getByRole("form", { name: "Scheduling policy of Sandbox" });
  await form.getByLabel("Announcements need a second operator's approval").setChecked(on);
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByTestId("policy-saved")).toBeVisible();
}
