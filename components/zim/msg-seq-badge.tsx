import { useTranslations } from "next-intl";

/** "Message #12" — the MsgSeq a recall needs; command messages have none and say so. */
export function MsgSeqBadge({ msgSeq }: { msgSeq: number | null }) {
  const t = useTranslations("sendResult");
  if (msgSeq === null) return <span className="text-xs text-slate-600 dark:text-slate-400">{t("noMsgSeq")}</span>;
  return (
    <span className="rounded bg-slate-200 px-1.5 py-0.5 font-mono text-xs text-slate-800 dark:bg-slate-700 dark:text-slate-100" title="MsgSeq">
      #{msgSeq}
    </span>
  );
}
