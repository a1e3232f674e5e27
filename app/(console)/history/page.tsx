import type { Metadata } from "next";
import Link from "next/link";
import { getTimeZone, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/shell/page-header";
import { pageAccess } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { filtersQuery, parseHistoryFilters } from "@/lib/messages/history-filters";
import { listSends } from "@/lib/messages/queries";
import { toSendView } from "@/lib/messages/view";
import { listOperators } from "@/lib/operators/queries";
import { listSendTargets } from "@/lib/zim-apps/resolve";
import { HistoryFilterForm } from "./filter-form";
import { HistoryTable } from "./history-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("history") };
}

type Search = Record<string, string | string[] | undefined>;

/** Every send by any operator, newest first, filtered from the URL, paged on (created_at, id), exportable as CSV. */
export default async function HistoryPage({ searchParams }: { searchParams: Promise<Search> }) {
  const access = await pageAccess("history:read");
  if (!access.allowed) return <AccessDenied />;
  const filters = parseHistoryFilters(await searchParams);
  const timeZone = await getTimeZone();
  const [page, t, apps, operators] = await Promise.all([
    listSends(await getDb(), filters, { timeZone }),
    getTranslations("history"),
    listSendTargets(),
    listOperators(),
  ]);
  const query = filtersQuery(filters);
  const link = "text-sm font-medium text-brand-600 underline dark:text-brand-100";
  return (
    <>
      <PageHeader title={t("title")} description={t("description")}
        actions={<a className={link} href={`/api/messages/export${query ? `?${query}` : ""}`} download>{t("export")}</a>} />
      <div className="space-y-4">
        <HistoryFilterForm filters={filters} apps={apps.map((a) => ({ key: a.key, name: a.name, production: a.isProduction }))}
          operators={operators.map((o) => o.email)} />
        <HistoryTable rows={page.rows.map((r) => toSendView(r))} timeZone={timeZone} />
        <nav aria-label={t("paging")} className="flex gap-4">
          {filters.cursor ? <Link className={link} href={`/history${query ? `?${query}` : ""}`}>{t("newest")}</Link> : null}
          {page.nextCursor ? <Link className={link} href={`/history?${filtersQuery(filters, { cursor: page.nextCursor })}`}>{t("older")}</Link> : null}
        </nav>
      </div>
    </>
  );
}
