import { getTranslations } from "next-intl/server";
import { PageHeader } from "./page-header";

/** A section that is planned but not built yet: says so plainly instead of showing an empty screen. */
export async function ComingSoon({ section }: { section: "compose" | "announcements" | "scheduled" | "history" }) {
  const [tNav, t] = await Promise.all([getTranslations("nav"), getTranslations("coming")]);
  return (
    <>
      <PageHeader title={tNav(section)} description={t(`${section}Description`)} />
      <div className="rounded-lg border border-dashed border-slate-300 p-10 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
        {t("body")}
      </div>
    </>
  );
}
