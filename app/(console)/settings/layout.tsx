import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/shell/access-denied";
import { NavLinks } from "@/components/shell/nav-links";
import { PageHeader } from "@/components/shell/page-header";
import { pageAccess } from "@/lib/auth/guard";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const access = await pageAccess("apps:manage");
  if (!access.allowed) return <AccessDenied />;
  const t = await getTranslations("settings");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <nav aria-label={t("sections")} className="mb-6 border-b border-slate-200 pb-3 dark:border-slate-800">
        <NavLinks
          items={[
            { href: "/settings/apps", label: t("apps") },
            { href: "/settings/operators", label: t("operators") },
            { href: "/settings/audit", label: t("audit") },
          ]}
        />
      </nav>
      {children}
    </>
  );
}
