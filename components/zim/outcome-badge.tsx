import { useTranslations } from "next-intl";
import type { RecallStatus, SendStatus } from "@/lib/messages/status";

const TONE: Record<SendStatus, string> = {
  sending: "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100",
  delivered: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100",
  blocked: "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100",
  rejected: "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100",
  "rate-limited": "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  "not-sent": "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  unknown: "bg-violet-100 text-violet-900 dark:bg-violet-900 dark:text-violet-100",
};

/** The outcome of a send in two or three plain words, coloured by what the operator must do about it. */
export function OutcomeBadge({ status, recall }: { status: SendStatus; recall?: RecallStatus | null }) {
  const t = useTranslations("sendResult");
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <span data-testid="outcome" className={`rounded px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap ${TONE[status]}`}>
        {t(`status.${status}`)}
      </span>
      {recall === "recalled" ? (
        <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium whitespace-nowrap text-slate-800 dark:bg-slate-700 dark:text-slate-100">{t("recallBadge")}</span>
      ) : null}
    </span>
  );
}
