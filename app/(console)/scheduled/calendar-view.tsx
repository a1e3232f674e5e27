"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { calendarRange, shiftRange, todayIn, type CalendarMode } from "@/lib/scheduler/items/calendar-range";
import type { CalendarData } from "@/lib/scheduler/items/calendar";
import { queryKeys } from "@/lib/query-keys";
import { CalendarDay } from "./calendar-day";

async function fetchCalendar(mode: CalendarMode, day: string, app: string, tz: string): Promise<CalendarData> {
  const query = new URLSearchParams({ mode, day, app, tz });
  const response = await fetch(`/api/scheduled/calendar?${query}`, { cache: "no-store" });
  if (!response.ok) throw new Error(String(response.status));
  return response.json();
}

/** A week or a month in the operator's zone: items on their day and time, and each day's announcement quota use. */
export function CalendarView({ apps, initialDay }: { apps: { key: string; name: string }[]; initialDay: string }) {
  const t = useTranslations("calendar");
  const locale = useLocale();
  const timeZone = useTimeZone() ?? "UTC";
  const [mode, setMode] = useState<CalendarMode>("month");
  const [day, setDay] = useState(initialDay);
  const [app, setApp] = useState(apps[0]?.key ?? "");
  const range = calendarRange(mode, day);
  const query = useQuery({
    queryKey: queryKeys.scheduledCalendar(mode, range.anchor, app, timeZone),
    queryFn: () => fetchCalendar(mode, range.anchor, app, timeZone),
    refetchInterval: 10_000,
  });
  const anchor = new Date(`${range.anchor}T12:00:00Z`);
  const title = mode === "month"
    ? new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(anchor)
    : t("weekOf", { day: new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${range.days[0]}T12:00:00Z`)) });
  const weekdays = range.days.slice(0, 7).map((d) => new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" }).format(new Date(`${d}T12:00:00Z`)));
  const today = todayIn(timeZone);

  return (
    <section aria-labelledby="calendar-title" className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="calendar-title" className="mr-auto text-lg font-semibold">{title} <span className="text-sm font-normal text-slate-600 dark:text-slate-400">({timeZone})</span></h2>
        {(["week", "month"] as const).map((m) => (
          <Button key={m} variant={m === mode ? "primary" : "secondary"} aria-pressed={m === mode} onClick={() => setMode(m)}>{t(m)}</Button>
        ))}
        <Button variant="secondary" onClick={() => setDay(shiftRange(range, -1))}>{t("previous")}</Button>
        <Button variant="secondary" onClick={() => setDay(today)}>{t("today")}</Button>
        <Button variant="secondary" onClick={() => setDay(shiftRange(range, 1))}>{t("next")}</Button>
        <label className="flex items-center gap-2 text-sm">
          {t("quotaApp")}
          <span className="w-44"><Select value={app} onChange={(e) => setApp(e.target.value)}>{apps.map((a) => <option key={a.key} value={a.key}>{a.name}</option>)}</Select></span>
        </label>
      </div>
      {query.data?.quota ? <p className="text-sm text-slate-600 dark:text-slate-400">{t("quotaExplained", { app: query.data.quota.appName, limit: query.data.quota.limit })}</p> : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
        <table className="w-full table-fixed border-collapse" aria-labelledby="calendar-title">
          <thead>
            <tr>{weekdays.map((w) => <th key={w} scope="col" className="bg-slate-100 px-2 py-1 text-left text-xs font-semibold dark:bg-slate-800">{w}</th>)}</tr>
          </thead>
          <tbody>
            {Array.from({ length: range.days.length / 7 }, (_, week) => (
              <tr key={week}>
                {range.days.slice(week * 7, week * 7 + 7).map((d) => (
                  <CalendarDay key={d} day={d} today={d === today} outside={mode === "month" && d.slice(0, 7) !== range.anchor.slice(0, 7)} tall={mode === "week"}
                    entries={query.data?.entries.filter((e) => e.day === d) ?? []}
                    quota={query.data?.quota ? { used: query.data.quota.days[d] ?? 0, limit: query.data.quota.limit } : undefined} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
