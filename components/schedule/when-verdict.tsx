"use client";

import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { describeInstant } from "@/lib/time/describe-instant";
import { resolveLocalTime, type Occurrence } from "@/lib/time/zoned-time";

/**
 * What the chosen wall time means, live: the instant in its zone with the offset, in UTC and how far away; a time
 * that does not exist (clocks go forward) with the first valid one as a one-click fix; a time that happens twice
 * (clocks go back) with an explicit choice of which.
 */
export function WhenVerdict({ id, localTime, timeZone, occurrence, now, onUseTime, onOccurrence, occurrenceError }: {
  id: string;
  localTime: string;
  timeZone: string;
  occurrence: Occurrence | "";
  now: number;
  onUseTime: (time: string) => void;
  onOccurrence: (o: Occurrence) => void;
  occurrenceError?: string;
}) {
  const t = useTranslations("schedule");
  const locale = useLocale();
  const verdict = resolveLocalTime(localTime, timeZone);
  const words = (instant: Date) => describeInstant(instant, timeZone, locale, now);

  if (verdict.kind === "invalid") return null;
  if (verdict.kind === "gap") {
    const time = verdict.firstValidLocal.slice(11);
    return (
      <div data-testid="schedule-verdict" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50">
        <p className="font-semibold">{t("gapTitle", { time: localTime.slice(11, 16), zone: timeZone })}</p>
        <p>{t("gapBody", { first: time })}</p>
        <Button variant="secondary" onClick={() => onUseTime(time)}>{t("gapFix", { time })}</Button>
      </div>
    );
  }
  if (verdict.kind === "ambiguous") {
    const choices: [Occurrence, Date, string][] = [["earlier", verdict.earlier, verdict.earlierOffset], ["later", verdict.later, verdict.laterOffset]];
    return (
      <fieldset data-testid="schedule-verdict" aria-describedby={occurrenceError ? `${id}-occurrence-error` : undefined}
        className={`space-y-2 rounded-md border p-3 text-sm ${occurrenceError ? "border-red-600" : "border-amber-300 dark:border-amber-700"}`}>
        <legend className="px-1 font-semibold">{t("ambiguousTitle", { time: localTime.slice(11, 16), zone: timeZone })}</legend>
        <p>{t("ambiguousBody")}</p>
        {choices.map(([which, instant, offset]) => (
          <label key={which} className="flex items-start gap-2">
            <input type="radio" className="mt-0.5 size-4" name={`${id}-occurrence`} checked={occurrence === which} onChange={() => onOccurrence(which)} />
            <span>{t(which === "earlier" ? "ambiguousEarlier" : "ambiguousLater", { offset, utc: words(instant).utc })}</span>
          </label>
        ))}
        {occurrenceError ? <p id={`${id}-occurrence-error`} role="alert" className="text-xs font-medium text-red-700 dark:text-red-400">{occurrenceError}</p> : null}
      </fieldset>
    );
  }
  const w = words(verdict.instant);
  return (
    <dl data-testid="schedule-verdict" aria-live="polite" className="grid gap-x-4 gap-y-1 rounded-md bg-slate-50 p-3 text-sm sm:grid-cols-[max-content_1fr] dark:bg-slate-800">
      <dt className="text-slate-600 dark:text-slate-400">{t("inZone", { zone: timeZone })}</dt>
      <dd data-testid="verdict-local">{w.local} (UTC{w.offset})</dd>
      <dt className="text-slate-600 dark:text-slate-400">UTC</dt>
      <dd data-testid="verdict-utc">{w.utc}</dd>
      <dt className="text-slate-600 dark:text-slate-400">{t("fromNow")}</dt>
      <dd data-testid="verdict-relative" className="font-medium">{w.relative}</dd>
    </dl>
  );
}
