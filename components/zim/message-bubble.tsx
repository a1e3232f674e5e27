import { useTranslations } from "next-intl";
import { MessageContent } from "./message-content";

export interface BubbleMessage {
  FromUserId: string;
  GroupId?: string;
  MessageType: number;
  SubMsgType?: number;
  MessageBody: { Message: string };
  SendMsgOptions?: { TargetOption?: { ReceiverUserIds?: string[]; Inclusive?: boolean } };
}

/**
 * The message as a chat bubble in the group, with who will (or will not) see it when it is targeted; `caption`
 * replaces "in group …" for a message without a group (an announcement).
 */
export function MessageBubble({ message, caption }: { message: BubbleMessage; caption?: string }) {
  const t = useTranslations("messagePreview");
  const target = message.SendMsgOptions?.TargetOption;
  const ids = target?.ReceiverUserIds ?? [];
  return (
    <figure aria-label={t("bubbleTitle")} className="space-y-1">
      <figcaption className="text-xs text-slate-600 dark:text-slate-400">
        {caption ?? t("inGroup", { group: message.GroupId || "—", sender: message.FromUserId || "—" })}
      </figcaption>
      <div className="flex items-start gap-2">
        <span aria-hidden className="flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-600 text-sm font-bold text-white uppercase">
          {(message.FromUserId || "?").slice(0, 1)}
        </span>
        <div className="max-w-full min-w-0 rounded-2xl rounded-tl-sm bg-slate-100 px-3 py-2 text-sm text-slate-900 dark:bg-slate-800 dark:text-slate-100">
          {message.MessageType === 10 || (message.MessageType >= 11 && message.MessageType <= 14) || message.MessageBody.Message
            ? <MessageContent type={message.MessageType} message={message.MessageBody.Message} subMsgType={message.SubMsgType} />
            : <em className="opacity-60">{t("empty")}</em>}
        </div>
      </div>
      {target ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {target.Inclusive ? t("onlyFor", { n: ids.length }) : t("hiddenFrom", { n: ids.length })}
        </p>
      ) : null}
    </figure>
  );
}
