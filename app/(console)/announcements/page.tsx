import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/shell/page-header";
import { Notice } from "@/components/ui/notice";
import { announcementFromRequest, emptyAnnouncement } from "@/lib/announcements/announcement-form";
import { loadQuotaView } from "@/lib/announcements/quota-summary";
import { pageAccess } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import { getSend } from "@/lib/messages/queries";
import { listComposeTargets } from "@/lib/messages/targets";
import { SAMPLE_SENDER } from "@/lib/sandbox/world";
import { AnnouncementForm } from "./announcement-form";
import { QuotaMeter } from "./quota-meter";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("announcements") };
}

/**
 * Announce to every user of an app (SendMessageToAllUsers). Viewers see what an announcement is and the quota,
 * read-only, instead of the form. `?from=<send id>` starts a new announcement from a recorded one.
 */
export default async function Page({ searchParams }: { searchParams: Promise<{ from?: string | string[] }> }) {
  const access = await pageAccess("history:read");
  if (!access.allowed) return <AccessDenied />;
  const [t, targets, db] = await Promise.all([getTranslations("announcements"), listComposeTargets(), getDb()]);
  const only = targets.length === 1 ? targets[0] : undefined;
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
  const from = (await searchParams).from;
  const source = typeof from === "string" ? await getSend(db, from) : undefined;
  const initial = source?.kind === "broadcast"
    ? announcementFromRequest(source.request, targets.some((a) => a.key === source.appKey) ? source.appKey : "")
    : emptyAnnouncement(only?.key ?? "", only?.isSandbox ? SAMPLE_SENDER : "");
  const chosen = targets.find((a) => a.key === initial.appKey);
  return (
    <>
      {header}
      {source?.kind === "broadcast" ? <div className="mb-4"><Notice>{t("fromRecord")}</Notice></div> : null}
      <AnnouncementForm operatorId={access.operator.id} targets={targets} initial={initial} fresh={source?.kind === "broadcast"}
        initialQuota={chosen ? await loadQuotaView(db, chosen) : undefined} />
    </>
  );
}
