"use client";

import { useLocale, useTranslations } from "next-intl";
import { recurrenceOf, type ScheduleValues } from "@/lib/scheduler/items/schema";
import { describeInstant } from "@/lib/time/describe-instant";
import { instantOf, resolveLocalTime } from "@/lib/time/zoned-time";
import { RepetitionText } from "./repetition-text";
import { useNow } from "./use-now";

/** The confirmation's words for when it goes out: in the zone with its offset, in UTC, how far away, and how often. */
export function ScheduleSentence({ schedule }: { schedule: ScheduleValues }) {
  const t = useTranslations("schedule");
  const locale = useLocale();
  const now = useNow(true);
  const instant = instantOf(resolveLocalTime(`${schedule.date}T${schedule.time}`, schedule.timeZone), schedule.occurrence || undefined);
  if (!instant) return null;
  const w = describeInstant(instant, schedule.timeZone, locale, now);
  const rule = recurrenceOf(schedule);
  return (
    <div className="mt-3 space-y-1 rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-800">
      <p data-testid="confirm-when">{t("confirmWhen", { local: w.local, zone: schedule.timeZone, offset: w.offset, utc: w.utc, relative: w.relative })}</p>
      {rule ? <p data-testid="confirm-repeat"><RepetitionText rule={rule} /></p> : null}
    </div>
  );
}
