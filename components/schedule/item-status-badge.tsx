import { useTranslations } from "next-intl";
import type { ApprovalState } from "@/lib/scheduler/status";

const TONE: Record<string, string> = {
  scheduled: "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100",
  claimed: "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100",
  sending: "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100",
  sent: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100",
  completed: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100",
  rejected: "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100",
  failed: "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100",
  unknown: "bg-violet-100 text-violet-900 dark:bg-violet-900 dark:text-violet-100",
  missed: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  held: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  cancelled: "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100",
};

/** An item's (or one occurrence's) state in plain words, coloured by what the operator may need to do. */
export function ItemStatusBadge({ status }: { status: string }) {
  const t = useTranslations("itemStatus");
  return (
    <span data-testid="item-status" className={`rounded px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap ${TONE[status] ?? TONE.cancelled}`}>
      {t.has(status) ? t(status) : status}
    </span>
  );
}

/** Whether a second operator's approval is needed, given, or refused. */
export function ApprovalBadge({ approval, reviewer }: { approval: ApprovalState; reviewer?: string | null }) {
  const t = useTranslations("approvalState");
  if (approval === "not-required") return <span className="text-xs text-slate-600 dark:text-slate-400">{t("not-required")}</span>;
  const tone = approval === "approved" ? TONE.sent : approval === "rejected" ? TONE.rejected : TONE.held;
  return (
    <span data-testid="approval-state" className={`rounded px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap ${tone}`}>
      {t(approval, { reviewer: reviewer ?? "" })}
    </span>
  );
}
