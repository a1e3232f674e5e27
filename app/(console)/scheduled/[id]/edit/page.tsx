import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/shell/page-header";
import { Notice } from "@/components/ui/notice";
import { pageAccess } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { valuesFromRequest } from "@/lib/messages/compose-from-request";
import { listComposeTargets } from "@/lib/messages/targets";
import { getItem } from "@/lib/scheduler/items/load";
import { scheduleFromItem } from "@/lib/scheduler/items/schema";
import { Composer } from "../../../compose/composer";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("scheduled"))("editPageTitle") };
}

/**
 * Edit a waiting group message in the composer, saved at the version it was opened at. Announcements are edited
 * on the Announcements page (`?item=`), which holds their form.
 */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const access = await pageAccess("schedule:write");
  if (!access.allowed) return <AccessDenied />;
  const t = await getTranslations("scheduled");
  const row = await getItem(await getDb(), (await params).id);
  if (!row) notFound();
  const back = <Link href={`/scheduled/${row.id}`} className="text-sm font-medium underline">{t("backToItem")}</Link>;
  const header = <PageHeader title={t("editTitle")} description={t("editDescription")} actions={back} />;
  if (row.kind === "broadcast") redirect(`/announcements?item=${row.id}`);
  if (row.status !== "scheduled") {
    return <>{header}<Notice tone="warning" title={t("notEditableTitle")}>{t("notEditableBody")}</Notice></>;
  }
  const targets = await listComposeTargets();
  const appKey = targets.some((a) => a.key === row.appKey) ? row.appKey : "";
  return (
    <>
      {header}
      <Composer operatorId={access.operator.id} targets={targets} initial={valuesFromRequest(row.request, appKey)} initialSchedule={scheduleFromItem(row)}
        fresh={false} item={{ id: row.id, version: row.version }} />
    </>
  );
}
