import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/shell/page-header";
import { Notice } from "@/components/ui/notice";
import { loadQuotaView } from "@/lib/announcements/quota-summary";
import { pageAccess } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import { listComposeTargets } from "@/lib/messages/targets";
import { getAppPolicy } from "@/lib/scheduler/policy";
import { AnnouncementForm } from "./announcement-form";
import { initialForm, type AnnouncementParams } from "./initial-form";
import { QuotaMeter } from "./quota-meter";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("announcements") };
}

/**
 * Announce to every user of an app (SendMessageToAllUsers), now or at a chosen time. Viewers see what an
 * announcement is and the quota, read-only, instead of the form. `?from=<send id>` starts a new announcement from
 * a recorded one, `?duplicate=<item id>` from a scheduled one, and `?item=<item id>` edits a waiting one.
 */
export default async function Page({ searchParams }: { searchParams: Promise<AnnouncementParams> }) {
  const access = await pageAccess("history:read");
  if (!access.allowed) return <AccessDenied />;
  const [t, targets, db] = await Promise.all([getTranslations("announcements"), listComposeTargets(), getDb()]);
  const header = (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="mb-6 max-w-3xl" data-testid="not-stored">
        <Notice tone="warning" title={t("notStoredTitle")}>{t("notStoredBody")}</Notice>
      </div>
    </>
  );
  if (!can(access.operator.role, "message:send")) {
    return (
      <>
        {header}
        <div data-testid="viewer-cannot-send" className="max-w-xl space-y-4">
          <Notice tone="warning" title={t("viewerTitle")}>
            {t("viewerBody")} <Link className="underline" href="/history?kind=broadcast">{t("viewerHistory")}</Link>
          </Notice>
          {await Promise.all(targets.map(async (app) => <QuotaMeter key={app.key} app={app} initial={await loadQuotaView(db, app)} />))}
        </div>
      </>
    );
  }
  const params = await searchParams;
  if ((params.item !== undefined || params.duplicate !== undefined) && !can(access.operator.role, "schedule:write")) return <AccessDenied />;
  const start = await initialForm(db, targets, params);
  if (start.state === "missing") return <>{header}<Notice tone="warning" title={t("itemMissingTitle")}>{t("itemMissingBody")}</Notice></>;
  if (start.state === "notEditable") {
    return (
      <>
        {header}
        <Notice tone="warning" title={t("notEditableTitle")}>
          {t("notEditableBody")} <Link className="underline" href={`/scheduled/${start.id}`}>{t("openItem")}</Link>
          {" · "}<Link className="underline" href={`/announcements?duplicate=${start.id}`}>{t("duplicateItem")}</Link>
        </Notice>
      </>
    );
  }
  const chosen = targets.find((a) => a.key === start.values.appKey);
  // Which apps hold announcements for a second operator (lib/scheduler/policy.ts): the form words its button so.
  const policies = await Promise.all(targets.map(async (app) => ({ key: app.key, policy: await getAppPolicy(db, app.key) })));
  return (
    <>
      {header}
      {start.source === "record" ? <div className="mb-4"><Notice>{t("fromRecord")}</Notice></div> : null}
      {start.source === "copy" ? <div className="mb-4"><Notice>{t("fromItem")}</Notice></div> : null}
      {start.item ? (
        <div className="mb-4" data-testid="editing-item">
          <Notice title={t("editingTitle", { version: start.item.version })}>
            {t("editingBody")} <Link className="underline" href={`/scheduled/${start.item.id}`}>{t("openItem")}</Link>
          </Notice>
        </div>
      ) : null}
      <AnnouncementForm key={[params.item, params.duplicate, params.from].join("|")} operatorId={access.operator.id} targets={targets} initial={start.values}
        initialSchedule={start.schedule} fresh={start.fresh} item={start.item}
        approvalApps={policies.filter((p) => p.policy.announcementApproval).map((p) => p.key)}
        initialQuota={chosen ? await loadQuotaView(db, chosen) : undefined} />
    </>
  );
}
