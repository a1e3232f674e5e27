"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { ActionDialog } from "@/components/schedule/action-dialog";
import { Button } from "@/components/ui/button";
import type { ItemView } from "@/lib/scheduler/items/view";
import { cancelItemAction } from "./actions";
import { bulkRunOf } from "./bulk-run";

const LINK = "rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800";

/**
 * Edit and cancel while it waits; duplicate any time. Announcements are edited and copied on their own page; a
 * scheduled bulk send has its list on its run's page (opened from here) and is cancelled, not edited or copied.
 */
export function ItemActions({ item, canWrite, showOpen = true }: { item: ItemView; canWrite: boolean; showOpen?: boolean }) {
  const t = useTranslations("scheduled");
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const cancel = useAction(cancelItemAction, {
    onSuccess: () => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: ["scheduled"] });
    },
  });
  const waiting = item.status === "scheduled";
  const bulkId = bulkRunOf(item);
  return (
    <div className="flex flex-wrap gap-2">
      {showOpen ? <Link className={LINK} href={`/scheduled/${item.id}`}>{item.approval === "pending" && canWrite ? t("review") : t("open")}</Link> : null}
      {bulkId ? <Link className={LINK} href={`/bulk/${bulkId}`}>{t("openBulk")}</Link> : null}
      {canWrite && waiting && !bulkId ? <Link className={LINK} href={item.kind === "group" ? `/scheduled/${item.id}/edit` : `/announcements?item=${item.id}`}>{t("edit")}</Link> : null}
      {canWrite && !bulkId ? <Link className={LINK} href={item.kind === "group" ? `/compose?duplicate=${item.id}` : `/announcements?duplicate=${item.id}`}>{t("duplicate")}</Link> : null}
      {canWrite && waiting ? <Button variant="secondary" className="px-2 py-1 text-xs" onClick={() => setConfirming(true)}>{t("cancel")}</Button> : null}
      <ActionDialog open={confirming} title={t("cancelTitle")} confirmLabel={t("cancelConfirm")} danger pending={cancel.isPending}
        error={cancel.result.serverError} onClose={() => setConfirming(false)} onConfirm={() => cancel.execute({ id: item.id, expectedVersion: item.version })}>
        <p>{t("cancelBody", { app: item.appName })}</p>
      </ActionDialog>
    </div>
  );
}
