"use client";

import { useTranslations } from "next-intl";
import type { ByteCount } from "@/lib/messages/byte-count";

/**
 * "312 / 2,048 bytes" beside a field, red with the overshoot when over. Its id lets the field name it in
 * aria-describedby; it is not a live region, so a screen reader is not interrupted on every keystroke.
 */
export function ByteCounter({ id, count, label }: { id: string; count: ByteCount; label?: string }) {
  const t = useTranslations("compose");
  const text = t("bytes", { bytes: count.bytes, limit: count.limit });
  return (
    <p id={id} className={`text-xs tabular-nums ${count.over ? "font-semibold text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-400"}`}>
      {label ? `${label}: ` : ""}
      {text}
      {count.over ? ` — ${t("bytesOver", { over: -count.remaining })}` : ""}
    </p>
  );
}
