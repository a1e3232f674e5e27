"use client";

import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { ItemStatusBadge } from "@/components/schedule/item-status-badge";
import type { CalendarEntryView } from "@/lib/scheduler/items/calendar";

/** One day of the calendar: its items by time, and how much of the app's announcement quota the day uses. */
export function CalendarDay({ day, entries, quota, today, outside, tall }: {
  day: string;
  entries: CalendarEntryView[];
  quota?: { used: number; limit: number };
  today: boolean;
  outside: boolean;
  tall: boolean;
}) {
  const t = useTranslations("calendar");
  const locale = useLocale();
  const label = new Intl.DateTimeFormat(locale, { dateStyle: "full", timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`));
  const full = quota && quota.used >= quota.limit;
  return (
    <td data-day={day} aria-current={today ? "date" : undefined}
      className={`space-y-1 border-t border-l border-slate-200 p-1.5 align-top text-xs dark:border-slate-800 ${tall ? "h-64" : "h-28"} ${outside ? "bg-slate-50 text-slate-600 dark:bg-slate-950 dark:text-slate-400" : ""}`}>
      <p className={`font-semibold ${today ? "inline-block rounded bg-brand-600 px-1 text-white" : ""}`}><span className="sr-only">{label}</span><span aria-hidden>{Number(day.slice(8))}</span></p>
      {quota && quota.used > 0 ? (
        <p data-testid="day-quota" className={full ? "font-semibold text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-400"}>
          {t("quotaUse", { used: quota.used, limit: quota.limit })}
        </p>
      ) : null}
      <ul className="space-y-1">
        {entries.map((e) => (
          <li key={`${e.itemId}-${e.at}`}>
            <Link href={`/scheduled/${e.itemId}`} className="block rounded border border-slate-200 px-1 py-0.5 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
              <span className="font-mono">{e.time}</span> {e.kind === "group" ? <span className="font-mono">{e.groupId}</span> : t("announcement")}
              {e.repeating ? <span aria-label={t("repeating")} title={t("repeating")}> ↻</span> : null}
              <span className={`block ${e.isProduction ? "font-semibold text-red-700 dark:text-red-400" : ""}`}>{e.appName}</span>
              <ItemStatusBadge status={e.status} />
            </Link>
          </li>
        ))}
      </ul>
    </td>
  );
}
