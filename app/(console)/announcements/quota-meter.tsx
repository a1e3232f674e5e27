"use client";

import { useNow, useTranslations } from "next-intl";
import type { QuotaView } from "@/lib/announcements/quota-view";
import type { SendTarget } from "@/lib/zim-apps/targets";
import { useWhen } from "./quota-refusal-text";
import { useAnnouncementQuota } from "./use-announcement-quota";

/**
 * One app's announcement quota (D7): used in the last 24 hours against the app's limit (the sandbox's own
 * setting for the sandbox, so the meter and the API agree), what is left, what schedules will use, and when
 * the next one may go, in the operator's zone.
 */
export function QuotaMeter({ app, initial }: { app: Pick<SendTarget, "key" | "name" | "isSandbox">; initial?: QuotaView }) {
  const t = useTranslations("quotaMeter");
  const when = useWhen();
  const now = useNow({ updateInterval: 5_000 });
  const query = useAnnouncementQuota(app.key, initial);
  const q = query.data;
  const box = "space-y-2 rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700";
  if (!q) {
    return <section aria-label={t("title", { app: app.name })} className={box}><p>{query.isError ? t("failed") : t("loading")}</p></section>;
  }
  const titleId = `quota-title-${app.key}`;
  const next = q.nextAllowedAt === null ? t("nextNone") : Date.parse(q.nextAllowedAt) <= now.getTime() ? t("nextNow") : t("nextAt", when(q.nextAllowedAt));
  return (
    <section aria-labelledby={titleId} data-testid="quota-meter" className={box}>
      <h2 id={titleId} className="font-semibold">{t("title", { app: app.name })}</h2>
      <div className="flex flex-wrap items-center gap-3">
        <meter min={0} max={q.limit} value={Math.min(q.usedLast24h, q.limit)} low={q.limit * 0.8} high={q.limit * 0.95} optimum={0}
          aria-label={t("usedLabel")} className="h-3 w-40" />
        <span><span data-testid="quota-used" className="font-semibold tabular-nums">{t("used", { used: q.usedLast24h, limit: q.limit })}</span> {t("usedLabel")}</span>
      </div>
      <p>
        <span data-testid="quota-remaining">{t("remaining", { count: q.remaining })}</span> · <span data-testid="quota-scheduled">{t("scheduled", { count: q.scheduledNext24h })}</span>
      </p>
      <p data-testid="quota-next">{next}</p>
      <p className="text-xs text-slate-600 dark:text-slate-400">{app.isSandbox ? t("limitSandbox") : t("limitApp")}</p>
    </section>
  );
}
