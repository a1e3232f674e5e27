"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import { AppLabel } from "@/components/zim/app-label";
import { MsgSeqBadge } from "@/components/zim/msg-seq-badge";
import type { SendView } from "@/lib/messages/view";

/** Every fact of the send: where, who, what, and ZIM's own identifiers (Code, RequestId, and for group messages MsgSeq, MsgId). */
export function SendFacts({ send }: { send: SendView }) {
  const t = useTranslations("sendResult");
  const tc = useTranslations("compose");
  const format = useFormatter();
  const when = (iso: string | null) => (iso ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "medium" }) : "—");
  const broadcast = send.kind === "broadcast";
  // An announcement has no group, priority or recipient list, and ZIM gives it no MsgSeq or MsgId (D14).
  const where: [string, ReactNode][] = broadcast
    ? [[t("audience"), <span key="p" data-testid="audience">{t(`pushTypes.${send.pushType ?? 0}`)}</span>]]
    : [[t("group"), <span key="g" className="font-mono">{send.groupId}</span>]];
  const how: [string, ReactNode][] = broadcast
    ? []
    : [
        [t("priority"), tc(`priorities.${send.priority}`)],
        [t("recipients"), t(`recipientModes.${send.recipientMode}`, { count: send.recipientCount, audience: send.audienceSize ?? -1 })],
      ];
  const ids: [string, ReactNode][] = broadcast
    ? []
    : [
        ["MsgSeq", <MsgSeqBadge key="m" msgSeq={send.status === "delivered" || send.status === "blocked" ? send.msgSeq : null} />],
        ["MsgId", <span key="i" className="font-mono">{send.msgId ?? "—"}</span>],
      ];
  const rows: [string, ReactNode][] = [
    [t("app"), <AppLabel key="a" name={send.appName} production={send.isProduction} sandbox={send.appKey === "sandbox"} />],
    ...where,
    [t("sender"), <span key="s" className="font-mono">{send.fromUserId}</span>],
    [t("type"), tc(`types.${send.messageType}`)],
    ...how,
    [t("operator"), send.operatorEmail],
    ...(send.scheduledItemId
      ? [[t("scheduledItem"), <Link key="si" data-testid="scheduled-link" className="underline" href={`/scheduled/${send.scheduledItemId}`}>{t("scheduledFor", { when: when(send.scheduledFor) })}</Link>] as [string, ReactNode]]
      : []),
    [t("sentAt"), when(send.attemptedAt)],
    [t("answeredAt"), when(send.completedAt)],
    [t("attempts"), String(send.attempts)],
    ["Code", send.code === null ? "—" : String(send.code)],
    [t("zimMessage"), send.zimMessage || "—"],
    ["RequestId", <span key="r" className="font-mono" data-testid="request-id">{send.requestId ?? "—"}</span>],
    ...ids,
  ];
  return (
    <section aria-labelledby="r-facts" className="rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="r-facts" className="mb-3 font-semibold">{t("facts")}</h2>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-600 dark:text-slate-400">{label}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
