import { useTranslations } from "next-intl";
import { OutcomeBadge } from "@/components/zim/outcome-badge";
import type { BulkStatus, BulkTargetStatus } from "@/lib/bulk/status";

const TONE: Record<BulkStatus, string> = {
  scheduled: "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100",
  queued: "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100",
  running: "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100",
  paused: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  cancelled: "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100",
  completed: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100",
};

const QUIET = "rounded px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap";

/** A bulk send's state in a word, coloured like the other status badges of the console. */
export function BulkStatusBadge({ status }: { status: BulkStatus }) {
  const t = useTranslations("bulk");
  return <span data-testid="bulk-status" className={`${QUIET} ${TONE[status]}`}>{t(`status.${status}`)}</span>;
}

/** One group's outcome: a single send's badge once it was tried, or "waiting" / "cancelled" before. */
export function TargetStatusBadge({ status }: { status: BulkTargetStatus }) {
  const t = useTranslations("bulk");
  if (status === "pending" || status === "cancelled") {
    return <span data-testid="outcome" className={`${QUIET} bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100`}>{t(`targetStatus.${status}`)}</span>;
  }
  return <OutcomeBadge status={status} />;
}
