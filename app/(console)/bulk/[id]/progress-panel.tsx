"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { BulkProgress } from "@/lib/bulk/types";
import { BulkStatusBadge } from "../badges";
import { isGoing } from "../fetch-bulk";
import { useDuration } from "../use-duration";

const COUNTS = [
  ["delivered", "bg-emerald-600"],
  ["blocked", "bg-red-600"],
  ["failed", "bg-amber-500"],
  ["unknown", "bg-violet-600"],
  ["cancelled", "bg-slate-400"],
  ["remaining", "bg-slate-200 dark:bg-slate-700"],
] as const;

/**
 * Where the run is: a bar split by outcome, the counts, the rate against the app's limit and the time left.
 * Screen readers hear the state and each tenth of the way, not every second's change.
 */
export function ProgressPanel({ progress: p }: { progress: BulkProgress }) {
  const t = useTranslations("bulk");
  const format = useFormatter();
  const duration = useDuration();
  const done = p.total - p.remaining;
  const percent = p.total === 0 ? 100 : Math.floor((done / p.total) * 100);
  return (
    <section aria-labelledby="b-progress" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="b-progress" className="flex flex-wrap items-center gap-2 text-lg font-semibold">
        {t("progress")} <BulkStatusBadge status={p.status} />
      </h2>
      <p aria-live="polite" className="sr-only">{t("announce", { status: t(`status.${p.status}`), percent: Math.floor(percent / 10) * 10 })}</p>
      <div role="progressbar" aria-label={t("progress")} aria-valuemin={0} aria-valuemax={p.total} aria-valuenow={done}
        aria-valuetext={t("doneOf", { done, total: p.total })} className="flex h-4 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700">
        {COUNTS.filter(([key]) => key !== "remaining").map(([key, colour]) => (
          <div key={key} className={`${colour} h-full`} style={{ width: `${p.total === 0 ? 0 : (p[key] / p.total) * 100}%` }} />
        ))}
      </div>
      <p data-testid="bulk-done" className="text-sm font-medium">{t("doneOf", { done, total: p.total })} ({percent}%)</p>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {COUNTS.map(([key, colour]) => (
          <div key={key} className="rounded-md border border-slate-200 p-2 dark:border-slate-800">
            <dt className="flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-400">
              <span aria-hidden="true" className={`inline-block size-2.5 rounded-full ${colour}`} />{t(`counts.${key}`)}
            </dt>
            <dd data-testid={`count-${key}`} className="text-xl font-semibold tabular-nums">{format.number(p[key])}</dd>
          </div>
        ))}
      </dl>
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-600 dark:text-slate-400">{t("rate")}</dt>
          <dd data-testid="bulk-rate">{t("rateValue", { current: format.number(p.currentRate, { maximumFractionDigits: 1 }), allowed: p.allowedRate })}</dd>
        </div>
        <div>
          <dt className="text-slate-600 dark:text-slate-400">{t("timeLeft")}</dt>
          <dd data-testid="bulk-time-left">{p.secondsLeft !== null && isGoing(p) ? t("about", { duration: duration(p.secondsLeft) }) : "—"}</dd>
        </div>
      </dl>
    </section>
  );
}
