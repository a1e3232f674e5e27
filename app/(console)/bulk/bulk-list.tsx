"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { EnvironmentBadge } from "@/components/zim/environment-badge";
import type { BulkSummary } from "@/lib/bulk/types";
import { queryKeys } from "@/lib/query-keys";
import { BulkStatusBadge } from "./badges";
import { fetchBulkList, isGoing } from "./fetch-bulk";
import { BULK_LIST_PAGE } from "./paging";

/** One page of bulk sends, polled every second while any of them is going so its counts move on screen. */
export function BulkList({ initial, before }: { initial: BulkSummary[]; before: string }) {
  const t = useTranslations("bulk");
  const format = useFormatter();
  const query = useQuery({
    queryKey: queryKeys.bulkList(before),
    queryFn: () => fetchBulkList(before),
    initialData: { sends: initial },
    refetchInterval: (q) => ((q.state.data?.sends ?? []).some(isGoing) ? 1_000 : 10_000),
  });
  const sends = query.data.sends;
  const last = sends.at(-1);
  const columns = [t("created"), t("app"), t("statusLabel"), t("groups"), t("outcomes"), t("createdBy"), { label: t("open"), hidden: true }];
  return (
    <div className="space-y-4">
      <DataTable caption={t("caption")} columns={columns.map((c) => (typeof c === "string" ? { label: c } : c))} empty={sends.length === 0 ? t("empty") : undefined}>
        {sends.map((s) => (
          <Row key={s.id}>
            <Cell className="whitespace-nowrap">
              {format.dateTime(new Date(s.createdAt), { dateStyle: "medium", timeStyle: "medium" })}
              {s.scheduledFor ? <p className="text-xs text-slate-600 dark:text-slate-400">{t("scheduledFor", { at: format.dateTime(new Date(s.scheduledFor), { dateStyle: "medium", timeStyle: "short" }) })}</p> : null}
            </Cell>
            <Cell>
              <span className="inline-flex items-center gap-1.5">
                <span className={s.isProduction ? "font-semibold text-red-700 dark:text-red-400" : ""}>{s.appName}</span>
                {s.isProduction ? <EnvironmentBadge production /> : null}
              </span>
            </Cell>
            <Cell><BulkStatusBadge status={s.status} /></Cell>
            <Cell className="whitespace-nowrap">{t("doneOf", { done: s.total - s.remaining, total: s.total })}</Cell>
            <Cell className="text-xs">
              {t("outcomeCounts", { delivered: s.delivered, blocked: s.blocked, failed: s.failed, unknown: s.unknown, cancelled: s.cancelled })}
            </Cell>
            <Cell className="text-xs">{s.createdByEmail}</Cell>
            <Cell><Link className="font-medium underline" href={`/bulk/${s.id}`} aria-label={t("openRow", { total: s.total, at: format.dateTime(new Date(s.createdAt), { dateStyle: "medium", timeStyle: "medium" }) })}>{t("open")}</Link></Cell>
          </Row>
        ))}
      </DataTable>
      <nav aria-label={t("paging")} className="flex gap-4 text-sm font-medium">
        {before ? <Link className="underline" href="/bulk">{t("newest")}</Link> : null}
        {last && sends.length === BULK_LIST_PAGE ? <Link className="underline" href={`/bulk?before=${encodeURIComponent(last.id)}`}>{t("older")}</Link> : null}
      </nav>
    </div>
  );
}
