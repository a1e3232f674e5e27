import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTimeZone, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/shell/access-denied";
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
      <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="bg-slate-100 dark:bg-slate-800">
            <tr>
              <th scope="col" className="px-3 py-2">{t("whenIn", { zone: timeZone })}</th>
              {(["who", "action", "target", "outcome", "address"] as const).map((c) => (
                <th key={c} scope="col" className="px-3 py-2">{t(c)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id.toString()} className="border-t border-slate-200 align-top dark:border-slate-800">
                <td className="px-3 py-2 whitespace-nowrap">{format.dateTime(row.at, { dateStyle: "medium", timeStyle: "medium" })}</td>
                <td className="px-3 py-2">{row.actorEmail ?? t("system")}</td>
                <td className="px-3 py-2 font-mono text-xs">{row.action}</td>
                <td className="px-3 py-2">{row.target}</td>
                <td className="px-3 py-2">{t(`outcomes.${row.outcome}`)}</td>
                <td className="px-3 py-2 font-mono text-xs">{row.ipAddress}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? <p className="p-6 text-center text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p> : null}
      </div>
      {nextHref ? <Link href={nextHref} className="text-sm font-medium text-brand-600 underline dark:text-brand-100">{t("older")}</Link> : null}
    </section>
  );
}
