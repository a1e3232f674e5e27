"use client";

import { useLocale } from "next-intl";
import { describeInstant } from "@/lib/time/describe-instant";
import { useNow } from "./use-now";

/** When an item goes (or went) out: in its own zone with the offset, in UTC, and relative to now. */
export function WhenText({ at, timeZone, live = true }: { at: string; timeZone: string; live?: boolean }) {
  const locale = useLocale();
  const now = useNow(live, 15_000);
  const w = describeInstant(new Date(at), timeZone, locale, now);
  return (
    <span className="block space-y-0.5" data-testid="when">
      <span className="block">{w.local}</span>
      <span className="block text-xs text-slate-600 dark:text-slate-400">
        <span data-testid="when-zone">{timeZone} (UTC{w.offset})</span> · <span data-testid="when-utc">{w.utc} UTC</span> ·{" "}
        <span data-testid="when-relative" className="font-medium" suppressHydrationWarning>{w.relative}</span>
      </span>
    </span>
  );
}
