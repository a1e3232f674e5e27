import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/shell/page-header";
import { pageAccess } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import { resolveTimeZone } from "@/lib/i18n/request";
import { todayIn } from "@/lib/scheduler/items/calendar-range";
import { countPendingApprovals, listItems } from "@/lib/scheduler/items/queries";
import { toItemView } from "@/lib/scheduler/items/view";
import { listSendTargets } from "@/lib/zim-apps/resolve";
import { CalendarView } from "./calendar-view";
import { ItemList } from "./item-list";
import { SCHEDULED_TABS, Tabs, type ScheduledTab } from "./tabs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("scheduled") };
}

/**
 * Messages and announcements planned for later: upcoming, past, those waiting for a second operator, and a
 * calendar with each day's announcement quota. Viewers read; "schedule:write" changes.
 */
export default async function Page({ searchParams }: { searchParams: Promise<{ view?: string }> }) {
  const access = await pageAccess("history:read");
  if (!access.allowed) return <AccessDenied />;
  const t = await getTranslations("scheduled");
  const asked = (await searchParams).view;
  const view: ScheduledTab = (SCHEDULED_TABS as readonly string[]).includes(asked ?? "") ? (asked as ScheduledTab) : "upcoming";
  const canWrite = can(access.operator.role, "schedule:write");
  const db = await getDb();
  const pendingApprovals = await countPendingApprovals(db);
  const actions = canWrite ? <Link className="text-sm font-medium underline" href="/compose">{t("scheduleNew")}</Link> : undefined;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={actions} />
      <Tabs current={view} pendingApprovals={pendingApprovals} />
      {view === "calendar" ? (
        <CalendarView apps={(await listSendTargets()).map((a) => ({ key: a.key, name: a.name }))} initialDay={todayIn(await resolveTimeZone())} />
      ) : (
        <ItemList view={view} canWrite={canWrite} initial={{ items: (await listItems(db, view)).map(toItemView), pendingApprovals }} />
      )}
    </>
  );
}
