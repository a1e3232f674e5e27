"use client";

import { useFormatter, useNow, useTranslations } from "next-intl";
import type { RefusalView } from "@/lib/announcements/quota-view";

/** When an instant is, in the operator's zone, and how far off: "Jan 16, 2030, 12:00:05 PM GMT+1" and "in 23 hours". */
export function useWhen() {
  const format = useFormatter();
  const now = useNow({ updateInterval: 5_000 });
  return (iso: string) => {
    const at = new Date(iso);
    const shown = format.dateTime(at, { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", second: "2-digit", timeZoneName: "short" });
    return { at: shown, relative: format.relativeTime(at, now) };
  };
}

/** Why an announcement cannot go now and when it could — the meter's verdict and the server's refusal alike. */
export function QuotaRefusalText({ refusal, limit, id }: { refusal: RefusalView; limit: number; id?: string }) {
  const t = useTranslations("announcements");
  const when = useWhen();
  const text = refusal.nextAllowedAt === null
    ? t("refused.quotaNone", { limit })
    : t(`refused.${refusal.reason}`, { limit, ...when(refusal.nextAllowedAt) });
  return <p id={id} data-testid="quota-refusal" className="text-sm font-medium text-red-700 dark:text-red-400">{text}</p>;
}
