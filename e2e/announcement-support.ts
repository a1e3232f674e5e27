import { expect, type Page } from "@playwright/test";
import { unique } from "./messages-support";
import { SAME_ORIGIN } from "./support";

type Flags = { Online: boolean; PushRegistered: boolean };

/** Fresh sandbox users (registered, so every announcement reaches them as their flags say). */
export async function seedUsers<K extends string>(page: Page, users: Record<K, Flags>): Promise<Record<K, string>> {
  const ids = {} as Record<K, string>;
  for (const key of Object.keys(users) as K[]) {
    ids[key] = unique(key);
    const response = await page.request.post("/zim-sandbox/_sandbox/users", { data: { UserId: ids[key], ...users[key] }, headers: SAME_ORIGIN });
    expect(response.ok()).toBe(true);
  }
  return ids;
}

/** The sandbox's announcement quota as the console counts it (D7): sent in the last 24 hours, and scheduled. */
export async function quotaOfSandbox(page: Page): Promise<{ usedLast24h: number; scheduledNext24h: number; limit: number }> {
  const response = await page.request.get("/api/announcements/quota?app=sandbox");
  expect(response.ok()).toBe(true);
  return (await response.json()) as { usedLast24h: number; scheduledNext24h: number; limit: number };
}

/** Opens the form on the sandbox with a sender and a text. */
export async function announcementForm(page: Page, { from, text }: { from: string; text: string }) {
  await page.goto("/announcements");
  const form = page.getByRole("form", { name: "Announcement" });
  await form.getByLabel("ZIM app").selectOption("sandbox");
  await form.getByLabel("From user ID").fill(from);
  await form.getByLabel("Message", { exact: true }).fill(text);
  return form;
}
