"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { ItemMessage } from "@/components/schedule/item-message";
import { ApprovalBadge, ItemStatusBadge } from "@/components/schedule/item-status-badge";
import { RepetitionText } from "@/components/schedule/repetition-text";
import { TargetText } from "@/components/schedule/target-text";
import { WhenText } from "@/components/schedule/when-text";
import { Notice } from "@/components/ui/notice";
import { AppLabel } from "@/components/zim/app-label";
import type { ItemView, RunView } from "@/lib/scheduler/items/view";
import { queryKeys } from "@/lib/query-keys";
import { fetchItem, pollInterval } from "../fetch-items";
import { ItemActions } from "../item-actions";
import { ReviewPanel } from "./review-panel";
import { RunsTable } from "./runs-table";

/** One scheduled item, polled while it waits or is under way: its facts, its message, its review, its runs. */
export function ItemDetail({ initial, canWrite, operatorId }: { initial: { item: ItemView; runs: RunView[] }; canWrite: boolean; operatorId: string }) {
  const t = useTranslations("scheduled");
  const tKind = useTranslations("itemKind");
  const query = useQuery({
    queryKey: queryKeys.scheduledItem(initial.item.id),
    queryFn: () => fetchItem(initial.item.id),
    initialData: initial,
    refetchInterval: (q) => pollInterval(q.state.data ? [q.state.data.item] : []),
  });
  const { item, runs } = query.data;
  const facts: [string, ReactNode][] = [
    [t("status"), <ItemStatusBadge key="s" status={item.status} />],
    [t("kind"), tKind(item.kind)],
    [t("app"), <AppLabel key="a" name={item.appName} production={item.isProduction} sandbox={item.appKey === "sandbox"} />],
    [t("target"), <TargetText key="t" kind={item.kind} groupId={item.groupId} groups={item.audienceSize} />],
    [t("when"), item.sendOnApproval && item.approval === "pending" ? t("onApproval") : <WhenText key="w" at={item.dueAt} timeZone={item.timeZone} live={item.status === "scheduled"} />],
    [t("repeats"), <RepetitionText key="r" rule={item.recurrence} />],
    [t("approval"), <ApprovalBadge key="p" approval={item.approval} reviewer={item.reviewerEmail} />],
    ...(item.reviewReason ? [[t("reviewReason"), <q key="q">{item.reviewReason}</q>] as [string, ReactNode]] : []),
    [t("author"), item.createdByEmail],
    [t("lastChange"), t("lastChangeBy", { email: item.updatedByEmail, version: item.version })],
  ];
  return (
    <div className="space-y-6">
      <PageHeader title={item.kind === "group" ? t("itemTitleGroup", { group: item.groupId ?? "" }) : t("itemTitleAnnouncement", { app: item.appName })}
        actions={<Link href="/scheduled" className="text-sm font-medium underline">{t("back")}</Link>} />
      {item.approval === "rejected" ? <Notice tone="warning" title={t("rejectedTitle", { reviewer: item.reviewerEmail ?? "" })}>{item.reviewReason}</Notice> : null}
      {item.status === "scheduled" && item.sendOnApproval && item.approval === "pending" ? (
        <div data-testid="on-approval"><Notice title={t("onApprovalTitle")}>{t("onApprovalBody")}</Notice></div>
      ) : null}
      {canWrite && item.status === "scheduled" && item.approval === "pending" ? <ReviewPanel item={item} operatorId={operatorId} /> : null}
      <section aria-labelledby="item-facts" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
        <h2 id="item-facts" className="font-semibold">{t("facts")}</h2>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-slate-600 dark:text-slate-400">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <ItemActions item={item} canWrite={canWrite} showOpen={false} />
      </section>
      <ItemMessage kind={item.kind} request={item.request} appName={item.appName} />
      <RunsTable runs={runs} kind={item.kind} />
    </div>
  );
}
