import { useTranslations } from "next-intl";
import Link from "next/link";

export const SCHEDULED_TABS = ["upcoming", "past", "approval", "calendar"] as const;
export type ScheduledTab = (typeof SCHEDULED_TABS)[number];

/** The page's sections as links (the choice is in the URL, so it survives a reload and can be shared). */
export function Tabs({ current, pendingApprovals }: { current: ScheduledTab; pendingApprovals: number }) {
  const t = useTranslations("scheduled");
  return (
    <nav aria-label={t("sections")} className="mb-4 flex flex-wrap gap-1 border-b border-slate-200 dark:border-slate-800">
      {SCHEDULED_TABS.map((tab) => (
        <Link key={tab} href={`/scheduled?view=${tab}`} aria-current={tab === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${tab === current ? "border-brand-600 text-slate-900 dark:text-white" : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400"}`}>
          {t(`tabs.${tab}`)}
          {tab === "approval" && pendingApprovals > 0 ? <span className="ml-1.5 rounded-full bg-amber-200 px-1.5 text-xs text-amber-900">{pendingApprovals}</span> : null}
        </Link>
      ))}
    </nav>
  );
}
