import { useTranslations } from "next-intl";
import { MESSAGE_TYPE_LABELS, type MessageTypeValue } from "@/lib/zim/message-types";

type Item = { MsgType?: number };

/**
 * AuditInfos as a table: which part of the message failed moderation and why. Index is the item's position in a
 * multi-item message (shown from 1), and 0 for any other message (zim-api.md §4).
 */
export function AuditInfosTable({ infos, messageType, items }: { infos: { Index: number; Reason: string }[]; messageType: number; items?: Item[] }) {
  const t = useTranslations("sendResult");
  if (infos.length === 0) return null;
  const which = (index: number) => {
    if (messageType !== 10) return t("auditWholeMessage");
    const type = items?.[index]?.MsgType as MessageTypeValue | undefined;
    return t("auditItem", { n: index + 1, type: type ? MESSAGE_TYPE_LABELS[type] : "?" });
  };
  return (
    <table className="w-full text-left text-sm">
      <caption className="mb-1 text-left font-medium">{t("auditCaption")}</caption>
      <thead className="bg-slate-100 dark:bg-slate-800">
        <tr>
          <th scope="col" className="px-3 py-1.5">{t("auditWhich")}</th>
          <th scope="col" className="px-3 py-1.5">{t("auditReason")}</th>
        </tr>
      </thead>
      <tbody>
        {infos.map((info, i) => (
          <tr key={i} className="border-t border-slate-200 dark:border-slate-800">
            <td className="px-3 py-1.5">{which(info.Index)}</td>
            <td className="px-3 py-1.5">{info.Reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
