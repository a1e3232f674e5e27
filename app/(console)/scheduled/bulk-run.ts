import type { ItemView } from "@/lib/scheduler/items/view";

/** The bulk send a scheduled item of kind "bulk" starts (its request holds only the run's id), else null. */
export function bulkRunOf(item: Pick<ItemView, "kind" | "request">): string | null {
  return item.kind === "bulk" && typeof item.request.bulkId === "string" ? item.request.bulkId : null;
}
