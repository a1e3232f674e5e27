import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTimeZone, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/shell/access-denied";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { pageAccess } from "@/lib/auth/guard";
import { parseAuditFilters } from "@/lib/audit/filters";
import { listAudit } from "@/lib/audit/queries";
import { getDb } from "@/lib/db";
import { AuditFilterForm } from "./audit-filter-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("audit") };
}

type Search = Record<string, string | string[] | undefined>;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const access = await pageAccess("audit:read");
  if (!access.allowed) return <AccessDenied />;
  const filters = parseAuditFilters(await searchParams);
  const [{ rows, nextBefore }, t, format, timeZone] = await Promise.all([
    listAudit(await getDb(), filters),
    getTranslations("audit"),
    getFormatter(),
    getTimeZone(),
  ]);
  const nextHref = nextBefore
    ? `?${new URLSearchParams(Object.entries({ ...filters, before: nextBefore }).filter((e): e is [string, string] => !!e[1]))}`
    : null;

  return (
    <section className="space-y-4">
      <AuditFilterForm filters={filters} />
      <DataTable
        caption={t("caption")}
        columns={[{ label: t("whenIn", { zone: timeZone }) }, ...(["who", "action", "target", "outcome", "address"] as const).map((c) => ({ label: t(c) }))]}
        empty={rows.length === 0 ? t("empty") : undefined}
      >
        {rows.map((row) => (
          <Row key={row.id.toString()}>
            <Cell className="whitespace-nowrap">{format.dateTime(row.at, { dateStyle: "medium", timeStyle: "medium" })}</Cell>
            <Cell>{row.actorEmail ?? t("system")}</Cell>
            <Cell className="font-mono text-xs">{row.action}</Cell>
            <Cell>{row.target}</Cell>
            <Cell>{t(`outcomes.${row.outcome}`)}</Cell>
            <Cell className="font-mono text-xs">{row.ipAddress}</Cell>
          </Row>
        ))}
      </DataTable>
      {nextHref ? <Link href={nextHref} className="text-sm font-medium text-brand-600 underline dark:text-brand-100">{t("older")}</Link> : null}
    </section>
  );
}
