import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/shell/page-header";
import { Notice } from "@/components/ui/notice";
import { pageAccess } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import { resolveTimeZone } from "@/lib/i18n/request";
import { emptyCompose } from "@/lib/messages/compose-form";
import { valuesFromRequest } from "@/lib/messages/compose-from-request";
import { getSend } from "@/lib/messages/queries";
import { listComposeTargets } from "@/lib/messages/targets";
import { duplicateScheduledItem } from "@/lib/scheduler/items/duplicate";
import { getItem } from "@/lib/scheduler/items/load";
import { emptySchedule, scheduleFromItem } from "@/lib/scheduler/items/schema";
import { SAMPLE_SENDER } from "@/lib/sandbox/world";
import { Composer } from "./composer";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("compose") };
}

/**
 * Compose a group message. Viewers see why they cannot send instead of a form. With no real app configured the
 * sandbox is preselected (with its sample sender); `?from=<send id>` starts a new message from a recorded one,
 * `?duplicate=<item id>` from a scheduled one (its message, zone, time and repetition, to adjust and confirm);
 * `?to=many` opens it on "many groups" (a new bulk send).
 */
export default async function Page({ searchParams }: { searchParams: Promise<{ from?: string | string[]; duplicate?: string | string[]; to?: string | string[] }> }) {
  const access = await pageAccess("history:read");
  if (!access.allowed) return <AccessDenied />;
  const t = await getTranslations("compose");
  const header = <PageHeader title={t("title")} description={t("description")} />;
  if (!can(access.operator.role, "message:send")) {
    return (
      <>
        {header}
        <div data-testid="viewer-cannot-send" className="max-w-xl">
          <Notice tone="warning" title={t("viewerTitle")}>
            {t("viewerBody")} <Link className="underline" href="/history">{t("viewerHistory")}</Link>
          </Notice>
        </div>
      </>
    );
  }
  const targets = await listComposeTargets();
  const only = targets.length === 1 ? targets[0] : undefined;
  const { from, duplicate, to } = await searchParams;
  const db = await getDb();
  const copy = typeof duplicate === "string" && (await getItem(db, duplicate)) ? await duplicateScheduledItem({ db, id: duplicate }) : undefined;
  if (copy?.kind === "broadcast") redirect(`/announcements?duplicate=${duplicate}`);
  const source = copy ?? (typeof from === "string" ? await getSend(db, from) : undefined);
  const known = (key: string) => (targets.some((a) => a.key === key) ? key : "");
  const initial = source ? valuesFromRequest(source.request, known(source.appKey)) : emptyCompose(only?.key ?? "", only?.isSandbox ? SAMPLE_SENDER : "");
  const initialSchedule = copy ? scheduleFromItem(copy) : emptySchedule(await resolveTimeZone());
  return (
    <>
      {header}
      {source ? <div className="mb-4"><Notice>{t(copy ? "fromItem" : "fromRecord")}</Notice></div> : null}
      <Composer operatorId={access.operator.id} targets={targets} initial={initial} initialSchedule={initialSchedule} fresh={Boolean(source)}
        startMany={!source && to === "many"} />
    </>
  );
}
