import type { ModeratedText } from "./message-body";

export const DEFAULT_BLOCKED_WORDS = ["forbidden", "违禁"];

export type AuditInfo = { Index: number; Reason: string };

/**
 * The sandbox's content moderation: a case-insensitive blocked-word match on text and custom messages and on
 * each such item of a multi-item message (Index = the item's position). D5: a hit still answers Code 0, the
 * message is then delivered to nobody.
 */
export function moderate(texts: ModeratedText[], blockedWords: string[]): AuditInfo[] {
  const words = blockedWords.map((w) => w.trim()).filter((w) => w !== "");
  const infos: AuditInfo[] = [];
  for (const { index, text } of texts) {
    const lower = text.toLocaleLowerCase();
    const hit = words.find((w) => lower.includes(w.toLocaleLowerCase()));
    if (hit !== undefined) infos.push({ Index: index, Reason: `contains the blocked word "${hit}"` });
  }
  return infos;
}
