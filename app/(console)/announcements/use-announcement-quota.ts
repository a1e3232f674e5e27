"use client";

import { useQuery } from "@tanstack/react-query";
import type { QuotaView } from "@/lib/announcements/quota-view";
import { queryKeys } from "@/lib/query-keys";

async function fetchQuota(appKey: string): Promise<QuotaView> {
  const response = await fetch(`/api/announcements/quota?app=${encodeURIComponent(appKey)}`, { cache: "no-store" });
  if (!response.ok) throw new Error(String(response.status));
  return (await response.json()) as QuotaView;
}

/** One app's announcement quota, polled while the page is open: other operators (and schedules) use it too. */
export function useAnnouncementQuota(appKey: string, initial?: QuotaView) {
  return useQuery({
    queryKey: queryKeys.announcementQuota(appKey),
    queryFn: () => fetchQuota(appKey),
    enabled: appKey !== "",
    initialData: initial?.appKey === appKey ? initial : undefined,
    initialDataUpdatedAt: initial ? Date.parse(initial.now) : undefined,
    refetchInterval: 15_000,
  });
}
