import type { ControlClient } from "@/lib/sandbox/test-support/control";

/** The texts of every message the sandbox accepted in a group, in arrival order (control endpoint). */
export async function groupMessageTexts(control: ControlClient, groupId: string): Promise<string[]> {
  const response = await control.get(`messages?GroupId=${encodeURIComponent(groupId)}`);
  if (response.status !== 200) throw new Error(`messages of ${groupId}: ${JSON.stringify(response.body)}`);
  return (response.body.Messages as { MessageBody: { Message?: string } }[]).map((m) => m.MessageBody.Message ?? "");
}

/** How many times each text arrived. */
export function arrivals(texts: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}
