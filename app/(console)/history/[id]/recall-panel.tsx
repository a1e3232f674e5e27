"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ReturnCodeHint } from "@/components/zim/return-code-hint";
import type { SendView } from "@/lib/messages/view";
import { RecallDialog } from "./recall-dialog";

/** Seconds left in the recall window (D13), counted from when the request went out, ticking each second. */
function useSecondsLeft(from: string, windowSeconds: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  if (windowSeconds === null) return null;
  return Math.floor((new Date(from).getTime() + windowSeconds * 1000 - now) / 1000);
}

const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;

/** Recall: offered for a delivered message while the window is open, with how long is left and the outcome. */
export function RecallPanel({ send, windowSeconds, onChange }: { send: SendView; windowSeconds: number | null; onChange: () => void }) {
  const t = useTranslations("sendResult");
  const format = useFormatter();
  const [open, setOpen] = useState(false);
  const left = useSecondsLeft(send.attemptedAt, windowSeconds);
  if (send.status !== "delivered") return null;
  const recall = send.recall;
  const closedAt = windowSeconds === null ? "" : format.dateTime(new Date(new Date(send.attemptedAt).getTime() + windowSeconds * 1000), { timeStyle: "medium" });
  let body;
  if (send.msgSeq === null) body = <p>{t("recallCommand")}</p>;
  else if (send.recallStatus === "recalled") body = <p>{t("recalledBy", { email: recall?.byEmail ?? "", at: recall?.completedAt ? format.dateTime(new Date(recall.completedAt), { timeStyle: "medium" }) : "" })}</p>;
  else if (send.recallStatus === "recalling") body = <p>{t("recalling")}</p>;
  else if (windowSeconds === null) body = <p>{t("recallNoApp")}</p>;
  else if (left !== null && left <= 0) body = <p data-testid="recall-closed">{t("recallClosed", { minutes: Math.round(windowSeconds / 60), at: closedAt })}</p>;
  else {
    body = (
      <div className="flex flex-wrap items-center gap-3">
        <p data-testid="recall-left">{t("recallLeft", { left: clock(Math.max(left ?? 0, 0)) })}</p>
        <Button variant="danger" onClick={() => setOpen(true)}>{t("recall")}</Button>
      </div>
    );
  }
  return (
    <section aria-labelledby="r-recall" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="r-recall" className="font-semibold">{t("recallTitle")}</h2>
      {body}
      {send.recallStatus && send.recallStatus !== "recalled" && send.recallStatus !== "recalling" ? (
        <Notice tone={send.recallStatus === "unknown" ? "warning" : "error"} title={t(`recallStatus.${send.recallStatus}`)}>
          {recall?.code ? <ReturnCodeHint code={recall.code} /> : null}
        </Notice>
      ) : null}
      <RecallDialog open={open} send={send} onClose={() => setOpen(false)} onDone={() => { setOpen(false); onChange(); }} />
    </section>
  );
}
