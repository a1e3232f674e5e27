"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { ItemStatusBadge } from "@/components/schedule/item-status-badge";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import type { ItemKind } from "@/lib/scheduler/status";
import type { RunView } from "@/lib/scheduler/items/view";
import { RunReason } from "./run-reason";

/**
 * Each occurrence that ended, with its outcome and the send it made (its full record is in the history; a bulk
 * item's occurrence started a run, whose id it holds, with its own page).
 */
export function RunsTable({ runs, kind }: { runs: RunView[]; kind: ItemKind }) {
  const t = useTranslations("scheduled");
  const format = useFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "medium" });
  return (
    <section aria-labelledby="runs-title" className="space-y-2">
      <h2 id="runs-title" className="font-semibold">{t("runs")}</h2>
      <DataTable caption={t("runs")} columns={[{ label: t("dueAt") }, { label: t("status") }, { label: t("finishedAt") }, { label: t("send") }]}
        empty={runs.length === 0 ? t("noRuns") : undefined}>
        {runs.map((run) => (
          <Row key={run.id}>
            <Cell>{when(run.dueAt)}</Cell>
            <Cell><ItemStatusBadge status={run.status} />{run.detail?.reason ? <RunReason detail={run.detail} /> : null}</Cell>
            <Cell>{when(run.finishedAt)}</Cell>
            <Cell>{run.sendId ? <Link className="underline" href={kind === "bulk" ? `/bulk/${run.sendId}` : `/history/${run.sendId}`}>{t(kind === "bulk" ? "openBulk" : "openSend")}</Link> : "—"}</Cell>
          </Row>
        ))}
      </DataTable>
    </section>
  );
}
