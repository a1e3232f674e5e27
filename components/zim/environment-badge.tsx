import { useTranslations } from "next-intl";

/** Production apps carry a red badge everywhere they are named, so no one sends to production by mistake. */
export function EnvironmentBadge({ production }: { production: boolean }) {
  const t = useTranslations("apps");
  return production ? (
    <span className="rounded bg-red-600 px-1.5 py-0.5 text-xs font-bold tracking-wide text-white uppercase">{t("production")}</span>
  ) : (
    <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-800 dark:bg-slate-700 dark:text-slate-100">
      {t("staging")}
    </span>
  );
}
