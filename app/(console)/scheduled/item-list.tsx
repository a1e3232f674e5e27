"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { RepetitionText } from "@/components/schedule/repetition-text";
import { ApprovalBadge, ItemStatusBadge } from "@/components/schedule/item-status-badge";
import { TargetText } from "@/components/schedule/target-text";
import { WhenText } from "@/components/schedule/when-text";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { AppLabel } from "@/components/zim/app-label";
import type { ItemListView } from "@/lib/scheduler/items/queries";
import type { ItemView } from "@/lib/scheduler/items/view";
import { queryKeys } from "@/lib/query-keys";
import { fetchItems, pollInterval } from "./fetch-items";
import { ItemActions } from "./item-actions";

/** One tab of items, polled so a status changes on screen when the dispatcher acts. */
export function ItemList({ view, initial, canWrite }: { view: ItemListView; initial: { items: ItemView[]; pendingApprovals: number }; canWrite: boolean }) {
  const t = useTranslations("scheduled");
  const tKind = useTranslations("itemKind");
  const query = useQuery({
    queryKey: queryKeys.scheduledList(view),
    queryFn: () => fetchItems(view),
    initialData: initial,
    refetchInterval: (q) => pollInterval(q.state.data?.items ?? []),
  });
  const items = query.data.items;
  const columns = [t("kind"), t("app"), t("target"), t("when"), t("repeats"), t("status"), t("author"), t("approval"), { label: t("actions"), hidden: true }];
  return (
    <DataTable caption={t(`tabs.${view}`)} columns={columns.map((c) => (typeof c === "string" ? { label: c } : c))} empty={items.length === 0 ? t(`empty.${view}`) : undefined}>
      {items.map((item) => (
        <Row key={item.id}>
          <Cell>{tKind(item.kind)}</Cell>
          <Cell><AppLabel name={item.appName} production={item.isProduction} sandbox={item.appKey === "sandbox"} /></Cell>
          <Cell><TargetText kind={item.kind} groupId={item.groupId} groups={item.audienceSize} /></Cell>
          <Cell className="min-w-64">
            {item.sendOnApproval && item.approval === "pending" ? t("onApproval") : <WhenText at={item.dueAt} timeZone={item.timeZone} />}
          </Cell>
          <Cell><RepetitionText rule={item.recurrence} /></Cell>
          <Cell><ItemStatusBadge status={item.status} /></Cell>
          <Cell className="text-xs">{item.createdByEmail}</Cell>
          <Cell><ApprovalBadge approval={item.approval} reviewer={item.reviewerEmail} /></Cell>
          <Cell><ItemActions item={item} canWrite={canWrite} /></Cell>
        </Row>
      ))}
    </DataTable>
  );
}
