"use client";

import { useTranslations } from "next-intl";

/** A number of seconds in words an operator reads at a glance: "8 min 20 s", "2 h 47 min", "5 s". */
export function useDuration() {
  const t = useTranslations("bulk");
  return (seconds: number): string => {
    const total = Math.max(0, Math.ceil(seconds));
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    if (h > 0) return t("durationHours", { h, m });
    if (m > 0) return t("durationMinutes", { m, s });
    return t("durationSeconds", { s });
  };
}
