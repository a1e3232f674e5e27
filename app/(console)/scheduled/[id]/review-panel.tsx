"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useScheduleError } from "@/components/schedule/use-schedule-error";
import { REVIEW_REASON_MAX } from "@/lib/scheduler/items/schema";
import type { ItemView } from "@/lib/scheduler/items/view";
import { reviewItemAction } from "../actions";

const TEXTAREA = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900 aria-[invalid=true]:border-red-600";

/**
 * Approve or reject an announcement waiting for a second operator. Whoever wrote it (or changed it last) is told
 * why they cannot; the server refuses them too. A rejection needs a reason: its author reads it.
 */
export function ReviewPanel({ item, operatorId }: { item: ItemView; operatorId: string }) {
  const t = useTranslations("review");
  const translate = useScheduleError();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const review = useAction(reviewItemAction, { onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["scheduled"] }) });
  const ownItem = item.createdById === operatorId || item.updatedById === operatorId;
  const reasonError = translate(review.result.validationErrors?.reason?._errors?.[0]);
  const decide = (decision: "approve" | "reject") => review.execute({ id: item.id, expectedVersion: item.version, decision, reason });

  return (
    <section aria-labelledby="review-title" className="space-y-3 rounded-lg border-2 border-amber-400 bg-amber-50 p-5 dark:bg-amber-950">
      <h2 id="review-title" className="text-lg font-semibold">{t("title")}</h2>
      {ownItem ? (
        <Notice tone="warning" title={t("ownTitle")}>{t("ownBody")}</Notice>
      ) : (
        <>
          <p className="text-sm">{t("body", { version: item.version })}</p>
          <Field id="review-reason" label={t("reason")} hint={t("reasonHint")} error={reasonError}>
            <textarea id="review-reason" rows={3} maxLength={REVIEW_REASON_MAX} className={TEXTAREA} value={reason} aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? "review-reason-error" : "review-reason-hint"} onChange={(e) => setReason(e.target.value)} />
          </Field>
          {review.result.serverError ? <Notice tone="error">{review.result.serverError}</Notice> : null}
          <div className="flex gap-2">
            <Button disabled={review.isPending} onClick={() => decide("approve")}>{t("approve")}</Button>
            <Button variant="danger" disabled={review.isPending} onClick={() => decide("reject")}>{t("reject")}</Button>
          </div>
        </>
      )}
    </section>
  );
}
