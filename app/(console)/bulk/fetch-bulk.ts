import { ACTIVE_BULK_STATUSES } from "@/lib/bulk/status";
import type { BulkProgress, BulkSummary, BulkTargetPage } from "@/lib/bulk/types";

/** A bulk send as its page polls it: the progress bar and the page of results its filters select. */
export interface BulkSnapshot {
  progress: BulkProgress;
  targets: BulkTargetPage;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) throw new Error(String(response.status));
  return (await response.json()) as T;
}

/** The bulk pages' GET endpoints, for React Query (never server actions: a poll must not block a click). */
export const fetchBulk = (id: string, filters: string) => getJson<BulkSnapshot>(`/api/bulk/${id}${filters ? `?${filters}` : ""}`);

export const fetchBulkList = (before: string) => getJson<{ sends: BulkSummary[] }>(`/api/bulk${before ? `?before=${encodeURIComponent(before)}` : ""}`);

/** Whether a run (or its "recall all") is under way: then its numbers change every second. */
export function isGoing(p: Pick<BulkProgress, "status"> & Partial<Pick<BulkProgress, "recallState">>): boolean {
  return p.status === "queued" || p.status === "running" || p.recallState === "running";
}

/**
 * Every second while a run has not ended (a paused run's groups in flight still finish, a scheduled one starts on
 * its own) or its recall is running; every few seconds after, since another operator may retry or recall it.
 */
export function bulkPollInterval(p: Pick<BulkProgress, "status"> & Partial<Pick<BulkProgress, "recallState">>): number {
  return ACTIVE_BULK_STATUSES.includes(p.status) || p.recallState === "running" ? 1_000 : 5_000;
}
