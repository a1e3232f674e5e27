import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { AppLabel } from "@/components/zim/app-label";
import { MsgSeqBadge } from "@/components/zim/msg-seq-badge";
import { OutcomeBadge } from "@/components/zim/outcome-badge";
import type { SendView } from "@/lib/messages/view";

/** One page of sends; each row links to its result page. An announcement shows "All users" and its audience. */
export async function HistoryTable({ rows, timeZone }: { rows: SendView[]; timeZone: string }) {
  const [t, tc, tr, format] = await Promise.all([getTranslations("history"), getTranslations("compose"), getTranslations("sendResult"), getFormatter()]);
  const cell = "px-3 py-2 align-top";
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-slate-100 dark:bg-slate-800">
          <tr>
            {[t("whenIn", { zone: timeZone }), t("app"), t("group"), t("sender"), t("type"), t("recipients"), t("outcome"), "MsgSeq", t("operator"), ""].map((h, i) => (
              <th key={i} scope="col" className="px-3 py-2 whitespace-nowrap">{h || <span className="sr-only">{t("open")}</span>}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="history-row" className="border-t border-slate-200 dark:border-slate-800">
              <td className={`${cell} whitespace-nowrap`}>{format.dateTime(new Date(r.createdAt), { dateStyle: "medium", timeStyle: "medium" })}</td>
              <td className={cell}><AppLabel name={r.appName} production={r.isProduction} sandbox={r.appKey === "sandbox"} /></td>
              <td className={`${cell} ${r.kind === "broadcast" ? "" : "font-mono"}`}>{r.kind === "broadcast" ? t("allUsers") : r.groupId}{r.isTest ? <span className="ml-1 rounded bg-sky-100 px-1 text-xs text-sky-900 dark:bg-sky-900 dark:text-sky-100">{t("test")}</span> : null}
                {r.scheduledItemId ? <Link data-testid="scheduled-link" className="ml-1 rounded bg-violet-100 px-1 text-xs text-violet-900 underline dark:bg-violet-900 dark:text-violet-100"
                  href={`/scheduled/${r.scheduledItemId}`} aria-label={t("scheduledRow")}>{t("scheduled")}</Link> : null}</td>
              <td className={`${cell} font-mono`}>{r.fromUserId}</td>
              <td className={cell}>{tc(`types.${r.messageType}`)}</td>
              <td className={cell}>{r.kind === "broadcast" ? tr(`pushTypesShort.${r.pushType ?? 0}`) : tr(`recipientModesShort.${r.recipientMode}`, { count: r.recipientCount })}</td>
              <td className={cell}><OutcomeBadge status={r.status} recall={r.recallStatus} /></td>
              <td className={cell}>{r.kind === "broadcast" ? "—" : <MsgSeqBadge msgSeq={r.msgSeq} />}</td>
              <td className={cell}>{r.operatorEmail}</td>
              <td className={cell}><Link className="font-medium underline" href={`/history/${r.id}`} aria-label={r.kind === "broadcast" ? t("openRowBroadcast") : t("openRow", { group: r.groupId ?? "" })}>{t("open")}</Link></td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p className="p-6 text-center text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p> : null}
    </div>
  );
}
