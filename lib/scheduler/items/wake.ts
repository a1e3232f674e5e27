import "server-only";
import { log } from "@/lib/log/logger";
import { wakeDispatcher } from "@/lib/scheduler/wake";

/**
 * Wakes the dispatcher after the item's transaction committed. Waking is only a hint (the dispatcher also scans
 * for due items), so a failure here is logged and the verb still succeeds: the item is saved, and saying
 * otherwise would make the operator try again.
 */
export async function wakeAfterCommit(item: { id: string; version: number; dueAt: Date }): Promise<void> {
  try {
    await wakeDispatcher({ id: item.id, version: item.version, dueAt: item.dueAt });
  } catch (error) {
    log.warn("could not wake the dispatcher; it will find the item by scanning", { itemId: item.id, error: String(error) });
  }
}
