"use client";

import { useAction } from "next-safe-action/hooks";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ConfirmDialog } from "@/components/zim/confirm-dialog";
import { ACTIVE_BULK_STATUSES, type BulkStatus } from "@/lib/bulk/status";
import type { BulkProgress } from "@/lib/bulk/types";
import { cancelBulkAction, pauseBulkAction, recallAllBulkAction, resumeBulkAction, retryFailedBulkAction } from "../actions";

type Confirmed = "cancel" | "retry" | "recall";

/** Retry and recall act on what a run left behind: once it is paused or over, and no recall is running. */
const ENDED_OR_PAUSED: readonly BulkStatus[] = ["paused", "cancelled", "completed"];

/**
 * Pause and resume at once; cancel, retry of the failed groups and recall of every delivered group after a worded
 * confirmation (one dialog at a time). Each button shows only when the run's state allows it; the server decides.
 */
export function BulkControls({ progress: p, onChange }: { progress: BulkProgress; onChange: () => void }) {
  const t = useTranslations("bulk");
  const format = useFormatter();
  const [confirming, setConfirming] = useState<Confirmed | null>(null);
  const done = () => { setConfirming(null); onChange(); };
  const pause = useAction(pauseBulkAction, { onSuccess: onChange });
  const resume = useAction(resumeBulkAction, { onSuccess: onChange });
  const cancel = useAction(cancelBulkAction, { onSuccess: done });
  const retry = useAction(retryFailedBulkAction, { onSuccess: done });
  const recall = useAction(recallAllBulkAction, { onSuccess: done });
  const confirmable = { cancel, retry, recall };
  const confirmed = confirming ? confirmable[confirming] : undefined;
  // A refusal shown in an earlier dialog is not carried into the next one.
  const ask = (kind: Confirmed) => { confirmable[kind].reset(); setConfirming(kind); };
  const error = pause.result.serverError ?? resume.result.serverError;

  const going = p.status === "queued" || p.status === "running";
  const active = ACTIVE_BULK_STATUSES.includes(p.status);
  const settled = ENDED_OR_PAUSED.includes(p.status) && p.recallState !== "running";
  const canRetry = settled && p.failed > 0;
  const canRecall = settled && p.recallable > 0;
  const until = p.recallOpenUntil ? format.dateTime(new Date(p.recallOpenUntil), { timeStyle: "medium" }) : "";
  const dialog = {
    cancel: { title: t("cancelTitle"), sentence: p.remaining === 0 ? t("cancelSentenceNone") : t("cancelSentence", { remaining: p.remaining }), label: t("cancelConfirm") },
    retry: { title: t("retryTitle"), sentence: t("retrySentence", { count: p.failed, app: p.appName }), label: t("retryConfirm", { count: p.failed }) },
    recall: { title: t("recallTitle"), sentence: t("recallSentence", { count: p.recallable, app: p.appName, until }), label: t("recallConfirm", { count: p.recallable }) },
  };

  return (
    <section aria-labelledby="b-controls" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="b-controls" className="font-semibold">{t("controls")}</h2>
      <div className="flex flex-wrap items-center gap-2">
        {going ? <Button variant="secondary" disabled={pause.isPending} onClick={() => pause.execute({ id: p.id })}>{t("pause")}</Button> : null}
        {p.status === "paused" && p.recallState !== "running" ? <Button disabled={resume.isPending} onClick={() => resume.execute({ id: p.id })}>{t("resume")}</Button> : null}
        {active ? <Button variant="danger" onClick={() => ask("cancel")}>{t("cancel")}</Button> : null}
        {canRetry ? <Button variant="secondary" onClick={() => ask("retry")}>{t("retry", { count: p.failed })}</Button> : null}
        {canRecall ? <Button variant="danger" onClick={() => ask("recall")}>{t("recallAll", { count: p.recallable })}</Button> : null}
      </div>
      {canRecall ? <p data-testid="recall-until" className="text-sm">{t("recallOpen", { count: p.recallable, until })}</p> : null}
      {p.recallState === "running" ? <p className="text-sm">{t("recalling")}</p> : null}
      {!active && !canRetry && !canRecall && p.recallState !== "running" ? <p className="text-sm text-slate-600 dark:text-slate-400">{t("nothingToDo")}</p> : null}
      {error ? <Notice tone="error">{error}</Notice> : null}
      {confirming ? (
        <ConfirmDialog open title={dialog[confirming].title} sentence={dialog[confirming].sentence} confirmLabel={dialog[confirming].label}
          production={p.isProduction && confirming !== "cancel"} appName={p.appName} pending={Boolean(confirmed?.isPending)}
          error={confirmed?.result.serverError} onCancel={() => setConfirming(null)} onConfirm={() => confirmed?.execute({ id: p.id })} />
      ) : null}
    </section>
  );
}
