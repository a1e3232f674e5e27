import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/shell/access-denied";
import { pageAccess } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { getAppPolicy } from "@/lib/scheduler/policy";
import { listSendTargets } from "@/lib/zim-apps/resolve";
import { listZimApps } from "@/lib/zim-apps/queries";
import { AppList } from "./app-list";
import { PolicyForm } from "./policy-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("apps") };
}

export default async function AppsPage() {
  const access = await pageAccess("apps:manage");
  if (!access.allowed) return <AccessDenied />;
  const [apps, targets, db, t] = await Promise.all([listZimApps(), listSendTargets(), getDb(), getTranslations("appPolicy")]);
  const policies = await Promise.all(targets.map(async (a) => ({ appKey: a.key, name: a.name, isProduction: a.isProduction, isSandbox: a.isSandbox, policy: await getAppPolicy(db, a.key) })));
  return (
    <div className="space-y-10">
      <AppList apps={apps.map((a) => ({ ...a, updatedAt: a.updatedAt.toISOString() }))} />
      <section aria-labelledby="policy-heading" className="space-y-3">
        <h2 id="policy-heading" className="text-lg font-semibold">{t("heading")}</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("description")}</p>
        {policies.map((row) => <PolicyForm key={row.appKey} row={row} />)}
      </section>
    </div>
  );
}
