"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { Notice } from "@/components/ui/notice";
import { AuditInfosTable } from "@/components/zim/audit-infos-table";
import { OutcomeBadge } from "@/components/zim/outcome-badge";
import { RequestBody } from "@/components/zim/request-body";
import { ReturnCodeHint } from "@/components/zim/return-code-hint";
import type { SendView } from "@/lib/messages/view";
import { queryKeys } from "@/lib/query-keys";
import { OutcomeText } from "./outcome-text";
import { RecallPanel } from "./recall-panel";
import { ResendButton } from "./resend-button";
import { SendFacts } from "./send-facts";

async function fetchSend(id: string): Promise<SendView> {
  const response = await fetch(`/api/messages/${id}`, { cache: "no-store" });
  if (!response.ok) throw new Error(String(response.status));
  return (await response.json()) as SendView;
}

/** The result of one send, polled while its request or its recall is still out. */
export function ResultView({ initial, recallWindowSeconds, canSend }: { initial: SendView; recallWindowSeconds: number | null; canSend: boolean }) {
  const t = useTranslations("sendResult");
  const query = useQuery({
    queryKey: queryKeys.messageSend(initial.id),
    queryFn: () => fetchSend(initial.id),
    initialData: initial,
    refetchInterval: (q) => (q.state.data?.status === "sending" || q.state.data?.recallStatus === "recalling" ? 1_000 : false),
  });
  const send = query.data;
  const broadcast = send.kind === "broadcast";
  // A new message from this one opens the form it came from.
  const again = broadcast ? `/announcements?from=${send.id}` : `/compose?from=${send.id}`;
  const items = (() => {
    try {
      return (JSON.parse(String((send.request.MessageBody as { Message?: string })?.Message ?? "")) as { MultiMsg?: { MsgType?: number }[] }).MultiMsg;
    } catch {
      return undefined;
    }
  })();
  return (
    <div className="space-y-6">
      <PageHeader title={broadcast ? t("titleBroadcast") : send.isTest ? t("titleTest", { group: send.groupId ?? "" }) : t("title", { group: send.groupId ?? "" })}
        actions={<Link href="/history" className="text-sm font-medium underline">{t("backToHistory")}</Link>} />
      <section aria-labelledby="r-outcome" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
        <h2 id="r-outcome" className="flex flex-wrap items-center gap-2 text-lg font-semibold">
          {t("outcome")} <OutcomeBadge status={send.status} recall={send.recallStatus} />
        </h2>
        <OutcomeText send={send} />
        {send.code !== null && send.code !== 0 ? <ReturnCodeHint code={send.code} /> : null}
        {send.auditInfos.length > 0 ? <AuditInfosTable infos={send.auditInfos} messageType={send.messageType} items={items} /> : null}
        {canSend && (send.status === "rate-limited" || send.status === "not-sent") ? <ResendButton id={send.id} /> : null}
        {send.status === "unknown" ? (
          <Notice tone="warning" title={t("unknownTitle")}>
            {broadcast ? t("unknownBodyBroadcast") : t("unknownBody")}{" "}
            {canSend ? <Link className="underline" href={again}>{t("sendAsNew")}</Link> : null}
          </Notice>
        ) : null}
      </section>
      {broadcast ? (
        <section aria-labelledby="r-recall" className="space-y-2 rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
          <h2 id="r-recall" className="font-semibold">{t("recallTitle")}</h2>
          <p data-testid="no-recall">{t("noRecallBroadcast")}</p>
        </section>
      ) : canSend ? (
        <RecallPanel send={send} windowSeconds={recallWindowSeconds} onChange={() => void query.refetch()} />
      ) : null}
      <SendFacts send={send} />
      <RequestBody body={send.request} title={broadcast ? t("requestAsSentBroadcast") : t("requestAsSent")} />
      {canSend ? <p><Link className="text-sm font-medium underline" href={again}>{broadcast ? t("editAndSendBroadcast") : t("editAndSend")}</Link></p> : null}
    </div>
  );
}
