"use client";

import { useLocale, useTranslations } from "next-intl";
import { Field, Input, Select } from "@/components/ui/field";
import type { ScheduleValues } from "@/lib/scheduler/items/schema";
import { describeInstant } from "@/lib/time/describe-instant";
import { occurrences, WEEKDAYS } from "@/lib/time/recurrence";

const SHOWN = 5;

/** Repetition: none, daily, or weekly on chosen days, until a date; with the next occurrences spelled out. */
export function RepeatFields({ id, value, onChange, first, errors, now }: {
  id: string;
  now: number;
  value: ScheduleValues;
  onChange: (patch: Partial<ScheduleValues>) => void;
  /** The first occurrence, once the time is valid. */
  first?: Date;
  errors: { weekdays?: string; until?: string };
}) {
  const t = useTranslations("schedule");
  const locale = useLocale();
  const dayName = (d: number) => new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, d)));
  const rule = value.repeat === "none" || !/^\d{4}-\d{2}-\d{2}$/.test(value.until) ? null : { frequency: value.repeat, weekdays: value.weekdays, until: value.until };
  const series = first && rule && !errors.until && !errors.weekdays ? occurrences(first, value.timeZone, rule) : [];
  const toggle = (day: number, on: boolean) => onChange({ weekdays: on ? [...value.weekdays, day].sort((a, b) => a - b) : value.weekdays.filter((d) => d !== day) });

  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`${id}-repeat`} label={t("repeat")}>
          <Select id={`${id}-repeat`} value={value.repeat} onChange={(e) => onChange({ repeat: e.target.value as ScheduleValues["repeat"] })}>
            <option value="none">{t("repeatNone")}</option>
            <option value="daily">{t("repeatDaily")}</option>
            <option value="weekly">{t("repeatWeekly")}</option>
          </Select>
        </Field>
        {value.repeat !== "none" ? (
          <Field id={`${id}-until`} label={t("until")} hint={t("untilHint")} error={errors.until}>
            <Input id={`${id}-until`} type="date" value={value.until} invalid={!!errors.until}
              aria-describedby={errors.until ? `${id}-until-error` : `${id}-until-hint`} onChange={(e) => onChange({ until: e.target.value })} />
          </Field>
        ) : null}
      </div>
      {value.repeat === "weekly" ? (
        <fieldset aria-describedby={errors.weekdays ? `${id}-weekdays-error` : undefined}>
          <legend className="text-sm font-medium">{t("weekdays")}</legend>
          <div className="mt-1 flex flex-wrap gap-3">
            {WEEKDAYS.map((d) => (
              <label key={d} className="flex items-center gap-1.5 text-sm">
                <input type="checkbox" className="size-4" checked={value.weekdays.includes(d)} onChange={(e) => toggle(d, e.target.checked)} />
                {dayName(d)}
              </label>
            ))}
          </div>
          {errors.weekdays ? <p id={`${id}-weekdays-error`} role="alert" className="mt-1 text-xs font-medium text-red-700 dark:text-red-400">{errors.weekdays}</p> : null}
        </fieldset>
      ) : null}
      {series.length > 0 ? (
        <div className="text-sm" data-testid="schedule-occurrences">
          <p className="font-medium">{t("occurrences", { count: series.length })}</p>
          <ol className="mt-1 list-inside list-decimal text-slate-700 dark:text-slate-300">
            {series.slice(0, SHOWN).map((at) => {
              const w = describeInstant(at, value.timeZone, locale, now);
              return <li key={at.getTime()}>{w.local} (UTC{w.offset})</li>;
            })}
          </ol>
          {series.length > SHOWN ? <p className="text-slate-600 dark:text-slate-400">{t("moreOccurrences", { count: series.length - SHOWN })}</p> : null}
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{t("repeatDstRule")}</p>
        </div>
      ) : null}
    </div>
  );
}
