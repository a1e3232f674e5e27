"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { AuditInfosTable } from "@/components/zim/audit-infos-table";
import { MsgSeqBadge } from "@/components/zim/msg-seq-badge";
import { ReturnCodeHint } from "@/components/zim/return-code-hint";
import type { BulkTargetView } from "@/lib/bulk/types";
import { lookupReturnCode } from "@/lib/zim/return-codes";
import { TargetStatusBadge } from "../badges";

/** A ZIM code with its meaning; what to do about it one click away. */
function CodeCell({ code }: { code: number | null }) {
  const zh = useLocale().startsWith("zh");
  if (code === null) return <>—</>;
  if (code === 0) return <span className="font-mono">0</span>;
  const entry = lookupReturnCode(code);
  return (
    <details>
      <summary className="cursor-pointer"><span className="font-mono">{code}</span> {(zh ? entry.zh : entry.en).meaning}</summary>
      <div className="mt-1"><ReturnCodeHint code={code} /></div>
    </details>
  );
}


/** What moderation blocked: the first reason at a glance, the whole AuditInfos table one click away. */
function AuditCell({ infos, messageType }: { infos: { Index: number; Reason: string }[]; messageType: number }) {
  const t = useTranslations("bulk");
  return (
    <details>
      <summary className="cursor-pointer">{infos.length > 1 ? t("auditMore", { reason: infos[0]!.Reason, count: infos.length - 1 }) : infos[0]!.Reason}</summary>
      <div className="mt-1"><AuditInfosTable infos={infos} messageType={messageType} /></div>
    </details>
  );
}

/** One page of a bulk send's groups, in list order, with ZIM's own identifiers and what became of each. */
export function TargetsTable({ rows, messageType }: { rows: BulkTargetView[]; messageType: number }) {
  const t = useTranslations("bulk");
  const tr = useTranslations("sendResult");
  const format = useFormatter();
  // Why a group failed, in the console's words or ZIM's; nothing for a plain success ("success" says nothing).
  const detail = (r: BulkTargetView) =>
    r.failureReason ? (tr.has(`reasons.${r.failureReason}`) ? tr(`reasons.${r.failureReason}`) : r.failureReason) : r.code ? r.zimMessage : null;
  const columns = ["#", t("group"), t("outcome"), "MsgSeq", "MsgId", "RequestId", "Code", t("moderation"), t("recall"), t("completed")].map((label) => ({ label }));
  return (
    <DataTable caption={t("resultsCaption")} columns={columns} empty={rows.length === 0 ? t("noResults") : undefined}>
      {rows.map((r) => (
        <Row key={r.seq}>
          <Cell className="tabular-nums">{r.seq}</Cell>
          <Cell className="font-mono whitespace-nowrap">{r.groupId}</Cell>
          <Cell>
            <TargetStatusBadge status={r.status} />
            {detail(r) ? <p className="mt-1 max-w-64 text-xs text-slate-600 dark:text-slate-400">{detail(r)}</p> : null}
            {r.attempts > 1 ? <p className="text-xs text-slate-600 dark:text-slate-400">{t("attempts", { count: r.attempts })}</p> : null}
          </Cell>
          <Cell>{r.status === "delivered" || r.status === "blocked" ? <MsgSeqBadge msgSeq={r.msgSeq} /> : "—"}</Cell>
          <Cell className="font-mono text-xs">{r.msgId ?? "—"}</Cell>
          <Cell className="font-mono text-xs">{r.requestId ?? "—"}</Cell>
          <Cell className="min-w-48 text-xs"><CodeCell code={r.code} /></Cell>
          <Cell className="min-w-48 text-xs">{r.auditInfos?.length ? <AuditCell infos={r.auditInfos} messageType={messageType} /> : "—"}</Cell>
          <Cell className="text-xs">
            {r.recallStatus ? t(`recallStatus.${r.recallStatus}`) : "—"}
            {r.recallCode ? <span className="ml-1 font-mono">({r.recallCode})</span> : null}
          </Cell>
          <Cell className="text-xs whitespace-nowrap">{r.completedAt ? format.dateTime(new Date(r.completedAt), { timeStyle: "medium" }) : "—"}</Cell>
        </Row>
      ))}
    </DataTable>
  );
}
