"use client";

import { useTranslations } from "next-intl";
import type { SendView } from "@/lib/messages/view";

/** The outcome in plain words, and for a send that never got an answer, why (with the raw detail folded away). */
export function OutcomeText({ send }: { send: SendView }) {
  const t = useTranslations("sendResult");
  const reason = send.failure?.reason;
  return (
    <div className="space-y-2">
      <p data-testid="outcome-sentence" className="text-base">
        {send.kind === "broadcast"
          ? t(`broadcastSentence.${send.status}`, { code: send.code ?? 0 })
          : t(`sentence.${send.status}`, { code: send.code ?? 0, count: send.recipientCount, mode: send.recipientMode ?? "all" })}
      </p>
      {reason ? (
        <p className="text-sm">
          <span className="font-medium">{t("why")}</span> {t.has(`reasons.${reason}`) ? t(`reasons.${reason}`) : reason}
        </p>
      ) : null}
      {send.failure?.detail || send.failure?.issues?.length ? (
        <details className="text-xs text-slate-600 dark:text-slate-400">
          <summary className="cursor-pointer">{t("technicalDetail")}</summary>
          <p className="mt-1 break-words">{send.failure.detail}</p>
          {send.failure.issues?.map((i) => <p key={i.path}>{i.path}: {i.message}</p>)}
        </details>
      ) : null}
    </div>
  );
}
