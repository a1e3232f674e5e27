import type { ReactNode } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AttentionBanner } from "@/components/schedule/attention-banner";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { NavLinks } from "@/components/shell/nav-links";
import { SandboxBanner } from "@/components/shell/sandbox-banner";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { can } from "@/lib/auth/roles";
import { currentOperator } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listAttention } from "@/lib/scheduler/items/attention";
import { NAV } from "@/lib/nav";
import { usingSandboxOnly } from "@/lib/zim-apps/queries";

/** Every console page: signed-in operators only; a forced password change comes before anything else. */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const operator = await currentOperator();
  if (!operator) {
    const hadSession = (await cookies()).getAll().some((c) => c.name.endsWith("zim-console.session_token"));
    redirect(hadSession ? "/sign-in?reason=expired" : "/sign-in");
  }
  if (operator.mustChangePassword) redirect("/change-password");

  const [t, tRoles, sandboxOnly, attention] = await Promise.all([
    getTranslations("nav"),
    getTranslations("roles"),
    usingSandboxOnly(),
    getDb().then((db) => listAttention(db, operator.id)),
  ]);
  const items = NAV.filter((item) => can(operator.role, item.permission)).map((item) => ({
    href: item.href,
    label: t(item.key),
  }));

  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900">
        {t("skipToContent")}
      </a>
      {sandboxOnly ? <SandboxBanner canConfigure={can(operator.role, "apps:manage")} /> : null}
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <span className="font-bold">{t("product")}</span>
          <nav aria-label={t("main")} className="flex-1">
            <NavLinks items={items} />
          </nav>
          <div className="flex items-center gap-3 text-sm">
            <LanguageSwitch />
            <span className="text-slate-600 dark:text-slate-400" data-testid="current-operator">
              {operator.email} · {tRoles(operator.role)}
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <AttentionBanner items={attention} />
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-8">
        {children}
      </main>
    </div>
  );
}
