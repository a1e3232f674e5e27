import { getTranslations } from "next-intl/server";
import Link from "next/link";

/** Shown on every page while no real ZIM app is configured, so no one thinks they reached real users. */
export async function SandboxBanner({ canConfigure }: { canConfigure: boolean }) {
  const t = await getTranslations("shell");
  return (
    <div role="status" className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-950 dark:bg-amber-900 dark:text-amber-50">
      <strong>{t("sandboxBannerTitle")}</strong> {t("sandboxBannerBody")}{" "}
      {canConfigure ? (
        <Link href="/settings/apps" className="font-medium underline">
          {t("sandboxBannerAction")}
        </Link>
      ) : null}
    </div>
  );
}
