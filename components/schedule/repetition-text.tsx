"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { Recurrence } from "@/lib/time/recurrence";

/** "Every day until 31 January 2030" / "Every week on Mon, Thu until …"; "Once" without a rule. */
export function RepetitionText({ rule }: { rule: Recurrence | null }) {
  const t = useTranslations("schedule");
  const locale = useLocale();
  const format = useFormatter();
  if (!rule) return <>{t("once")}</>;
  const [y, m, d] = rule.until.split("-").map(Number) as [number, number, number];
  const until = format.dateTime(new Date(Date.UTC(y, m - 1, d, 12)), { dateStyle: "long", timeZone: "UTC" });
  if (rule.frequency === "daily") return <>{t("everyDay", { until })}</>;
  const days = rule.weekdays.map((day) => new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, day)))).join(", ");
  return <>{t("everyWeek", { days, until })}</>;
}
