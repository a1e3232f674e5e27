import { expect, type Page } from "@playwright/test";
import { SAME_ORIGIN } from "./support";

/** Unique IDs per test run, within ZIM's 32 bytes. */
export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

type Flags = { Online?: boolean; PushRegistered?: boolean };

/** A fresh sandbox group (and its users) through the control endpoint, with the signed-in page's cookies. */
export async function seedGroup<K extends string>(page: Page, members: Record<K, Flags>) {
  const groupId = unique("g");
  const sender = unique("sender");
  const keys = Object.keys(members) as K[];
  const ids = Object.fromEntries(keys.map((k) => [k, unique(k)])) as Record<K, string>;
  const response = await page.request.post("/zim-sandbox/_sandbox/groups", {
    data: { GroupId: groupId, GroupOwner: sender, Members: [{ UserId: sender, Online: true }, ...keys.map((k) => ({ UserId: ids[k], ...members[k] }))] },
    headers: SAME_ORIGIN,
  });
  expect(response.status()).toBe(201);
  return { groupId, sender, ids };
}

export interface InboxEntry {
  Kind: string;
  GroupId: string | null;
  MsgSeq: number | null;
  MessageType: number;
  SubMsgType: number | null;
  MessageBody: { Message?: string; OfflinePush?: { Enable?: number; Title?: string; Content?: string } } & Record<string, unknown>;
  Delivered: boolean;
  Unread: boolean;
  Targeted: boolean;
  Recalled: boolean;
}

export async function inbox(page: Page, userId: string, groupId?: string): Promise<InboxEntry[]> {
  const query = new URLSearchParams({ UserId: userId, ...(groupId ? { GroupId: groupId } : {}) });
  const response = await page.request.get(`/zim-sandbox/_sandbox/inbox?${query}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { Messages: InboxEntry[] }).Messages;
}

/** The group texts a user received, polled until they match (delivery is checked in the sandbox, never by sleeping). */
export async function expectTexts(page: Page, userId: string, groupId: string, texts: string[]) {
  await expect.poll(async () => (await inbox(page, userId, groupId)).filter((m) => m.Kind === "group").map((m) => m.MessageBody.Message)).toEqual(texts);
}

/** Opens the composer on the sandbox with sender and group filled in. */
export async function compose(page: Page, { from, group, text }: { from: string; group: string; text?: string }) {
  await page.goto("/compose");
  const form = page.getByRole("form", { name: "Group message" });
  await form.getByLabel("ZIM app").selectOption("sandbox");
  await form.getByLabel("From user ID").fill(from);
  await form.getByLabel("Group ID").fill(group);
  if (text !== undefined) await form.getByLabel("Message", { exact: true }).fill(text);
  return form;
}

/** Review, check the confirmation sentence, send, and land on the result page. */
export async function reviewAndSend(page: Page, sentence?: string | RegExp) {
  await page.getByRole("button", { name: "Review and send…" }).click();
  const dialog = page.getByRole("dialog", { name: "Send this message?" });
  await expect(dialog).toBeVisible();
  if (sentence) await expect(dialog.getByTestId("confirm-sentence")).toHaveText(sentence);
  await dialog.getByRole("button", { name: "Send now" }).click();
  await expect(page).toHaveURL(/\/history\/[0-9a-f-]{36}$/);
}

/** The sandbox's record of a group's messages (what ZIM stored, SearchedContent included). */
export async function groupMessages(page: Page, groupId: string) {
  const response = await page.request.get(`/zim-sandbox/_sandbox/messages?GroupId=${encodeURIComponent(groupId)}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { Messages: { MsgSeq: number | null; MessageType: number; SubMsgType: number | null; SearchedContent: string | null }[] }).Messages;
}

/** Makes the next `times` calls of a ZIM Action fail in the sandbox (removed by itself afterwards). */
export async function fault(page: Page, body: Record<string, unknown>) {
  const response = await page.request.put("/zim-sandbox/_sandbox/faults", { data: body, headers: SAME_ORIGIN });
  expect(response.ok()).toBe(true);
}
