import type { ItemView, RunView } from "@/lib/scheduler/items/view";

/** The Scheduled page's GET endpoints, for React Query (never server actions: a poll must not block a click). */
export async function fetchItems(view: string): Promise<{ items: ItemView[]; pendingApprovals: number }> {
  const response = await fetch(`/api/scheduled?view=${view}`, { cache: "no-store" });
  if (!response.ok) throw new Error(String(response.status));
  return response.json();
}

export async function fetchItem(id: string): Promise<{ item: ItemView; runs: RunView[] }> {
  const response = await fetch(`/api/scheduled/${id}`, { cache: "no-store" });
  if (!response.ok) throw new Error(String(response.status));
  return response.json();
}

/** Poll fast while something is due within a minute or under way, else every few seconds. */
export function pollInterval(items: Pick<ItemView, "status" | "dueAt">[]): number {
  const soon = items.some((i) => i.status === "claimed" || i.status === "sending" || (i.status === "scheduled" && Date.parse(i.dueAt) - Date.now() < 60_000));
  return soon ? 1_000 : 5_000;
}
