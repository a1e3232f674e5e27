"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { Notice } from "@/components/ui/notice";
import type { BulkTargetFilters } from "@/lib/bulk/types";
import { queryKeys } from "@/lib/query-keys";
import { bulkPollInterval, fetchBulk, type BulkSnapshot } from "../fetch-bulk";
import { targetFiltersQuery } from "../target-filters";
import { BulkControls } from "./bulk-controls";
import { BulkFacts } from "./bulk-facts";
import { ProgressPanel } from "./progress-panel";
import { TargetFilterForm } from "./target-filter-form";
import { TargetsTable } from "./targets-table";

/** A bulk send's page: progress, controls, facts and the filtered per-group results, polled while it runs. */
export function BulkView({ initial, filters, canControl }: { initial: BulkSnapshot; filters: BulkTargetFilters; canControl: boolean }) {
  const t = useTranslations("bulk");
  const id = initial.progress.id;
  const query = targetFiltersQuery(filters);
  const snapshot = useQuery({
    queryKey: queryKeys.bulkSend(id, query),
    queryFn: () => fetchBulk(id, query),
    initialData: initial,
    refetchInterval: (q) => bulkPollInterval(q.state.data?.progress ?? initial.progress),
  });
  const { progress, targets } = snapshot.data;
  const page = (patch: Partial<BulkTargetFilters>) => {
    const q = targetFiltersQuery(filters, patch);
    return `/bulk/${id}${q ? `?${q}` : ""}`;
  };
  return (
    <div className="space-y-6">
      <PageHeader title={t("detailTitle", { count: progress.total })}
        actions={<Link href="/bulk" className="text-sm font-medium underline">{t("backToList")}</Link>} />
      <ProgressPanel progress={progress} />
      {canControl ? (
        <BulkControls progress={progress} onChange={() => void snapshot.refetch()} />
      ) : (
        <Notice>{t("viewerNote")}</Notice>
      )}
      <BulkFacts progress={progress} />
      <section aria-labelledby="b-results" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="b-results" className="text-lg font-semibold">{t("results")}</h2>
          <a className="text-sm font-medium text-brand-600 underline dark:text-brand-100" href={`/bulk/${id}/export`} download>{t("export")}</a>
        </div>
        <TargetFilterForm key={query} id={id} filters={filters} />
        <TargetsTable rows={targets.rows} messageType={progress.messageType} />
        <nav aria-label={t("resultsPaging")} className="flex gap-4 text-sm font-medium">
          {filters.afterSeq !== undefined ? <Link className="underline" href={page({ afterSeq: undefined })}>{t("firstPage")}</Link> : null}
          {targets.nextAfterSeq !== undefined ? <Link className="underline" href={page({ afterSeq: targets.nextAfterSeq })}>{t("nextPage")}</Link> : null}
        </nav>
      </section>
    </div>
  );
}
