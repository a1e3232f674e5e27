"use client";

import { useTranslations } from "next-intl";
import { memo, useEffect, useId } from "react";
import { describedBy, Field, Input } from "@/components/ui/field";
import type { ScheduleValues } from "@/lib/scheduler/items/schema";
import { nextFullHour, timeZoneNames } from "@/lib/time/describe-instant";
import { instantOf, resolveLocalTime } from "@/lib/time/zoned-time";
import { RepeatFields } from "./repeat-fields";
import { useNow } from "./use-now";
import { useScheduleError } from "./use-schedule-error";
import { WhenVerdict } from "./when-verdict";

export type ScheduleErrors = Partial<Record<keyof ScheduleValues, { message?: string }>>;

/**
 * "Send now" or "Schedule for later" for any composer (group message or announcement): a date, a time and a time
 * zone (the browser's by default), what that means live (zone, UTC, "in 3 hours"), daylight-saving gaps and
 * doubled times handled explicitly, and an optional repetition. Controlled: the values are part of the
 * composer's own form and its one schema (lib/scheduler/items/schema.ts).
 */
export function ScheduleControl({ value, onChange, errors, allowNow = true, canRepeat = true }: {
  value: ScheduleValues;
  onChange: (next: ScheduleValues) => void;
  errors?: ScheduleErrors;
  /** Editing a scheduled item keeps it scheduled: no "send now". */
  allowNow?: boolean;
  canRepeat?: boolean;
}) {
  const t = useTranslations("schedule");
  const id = `s${useId().replace(/:/g, "")}`;
  const translate = useScheduleError();
  const error = (name: keyof ScheduleValues) => translate(errors?.[name]?.message);
  const later = value.mode === "later";
  const now = useNow(true);
  const patch = (p: Partial<ScheduleValues>) => onChange({ ...value, ...p });
  const localTime = `${value.date}T${value.time}`;
  const verdict = later && value.date && value.time ? resolveLocalTime(localTime, value.timeZone) : undefined;
  const first = verdict ? instantOf(verdict, value.occurrence || undefined) : undefined;

  useEffect(() => {
    // A fresh control starts in the browser's own zone; a restored or edited one keeps the zone it was given.
    const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (value.mode === "now" && value.date === "" && browser && browser !== value.timeZone) onChange({ ...value, timeZone: browser });
    // Once on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const choose = (mode: ScheduleValues["mode"]) => {
    if (mode === "later" && value.date === "") patch({ mode, ...nextFullHour(value.timeZone, now) });
    else patch({ mode });
  };

  return (
    <fieldset className="space-y-4 rounded-md border border-slate-200 p-4 dark:border-slate-800" data-testid="schedule-control">
      <legend className="px-1 text-sm font-semibold">{t("when")}</legend>
      {allowNow ? (
        <div className="flex flex-wrap gap-4 text-sm">
          {(["now", "later"] as const).map((mode) => (
            <label key={mode} className="flex items-center gap-2">
              <input type="radio" className="size-4" name={`${id}-mode`} checked={value.mode === mode} onChange={() => choose(mode)} />
              {t(mode === "now" ? "sendNow" : "scheduleLater")}
            </label>
          ))}
        </div>
      ) : null}
      {later ? (
        <>
          <div className="grid gap-3 sm:grid-cols-3">
            <Field id={`${id}-date`} label={t("date")} error={error("date")}>
              <Input id={`${id}-date`} type="date" value={value.date} invalid={!!error("date")} aria-describedby={describedBy(`${id}-date`, error("date"))}
                onChange={(e) => patch({ date: e.target.value, occurrence: "" })} />
            </Field>
            <Field id={`${id}-time`} label={t("time")} error={error("time")}>
              <Input id={`${id}-time`} type="time" value={value.time} invalid={!!error("time")} aria-describedby={describedBy(`${id}-time`, error("time"))}
                onChange={(e) => patch({ time: e.target.value, occurrence: "" })} />
            </Field>
            <Field id={`${id}-zone`} label={t("timeZone")} error={error("timeZone")}>
              <Input id={`${id}-zone`} list={`${id}-zones`} autoComplete="off" value={value.timeZone} invalid={!!error("timeZone")}
                aria-describedby={describedBy(`${id}-zone`, error("timeZone"))} onChange={(e) => patch({ timeZone: e.target.value.trim(), occurrence: "" })} />
              <ZoneList id={`${id}-zones`} />
            </Field>
          </div>
          {verdict ? (
            <WhenVerdict id={id} localTime={localTime} timeZone={value.timeZone} occurrence={value.occurrence} now={now}
              onUseTime={(time) => patch({ time, occurrence: "" })} onOccurrence={(occurrence) => patch({ occurrence })} occurrenceError={error("occurrence")} />
          ) : null}
          {canRepeat ? <RepeatFields id={id} now={now} value={value} first={first} onChange={patch} errors={{ weekdays: error("weekdays"), until: error("until") }} /> : null}
        </>
      ) : null}
    </fieldset>
  );
}

/** Every zone the browser knows, rendered once (the control itself re-renders every second for "in 45 seconds"). */
const ZoneList = memo(function ZoneList({ id }: { id: string }) {
  return <datalist id={id}>{timeZoneNames().map((z) => <option key={z} value={z} />)}</datalist>;
});
