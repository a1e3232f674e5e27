import { useTranslations } from "next-intl";
import { MessageBubble, type BubbleMessage } from "@/components/zim/message-bubble";
import { MessageContent } from "@/components/zim/message-content";
import { PushPreview } from "@/components/zim/push-preview";
import { RequestBody } from "@/components/zim/request-body";
import type { ItemKind } from "@/lib/scheduler/status";

type Json = Record<string, unknown>;

/**
 * The whole message an item will send, as a reviewer must see it before approving: the bubble, the push
 * notification, and the exact request body. A bulk send's item holds only which run it starts: its message is on
 * the run's own page.
 */
export function ItemMessage({ kind, request, appName }: { kind: ItemKind; request: Json; appName: string }) {
  const t = useTranslations("scheduled");
  if (kind === "bulk") return null;
  const body = (request.MessageBody ?? {}) as { Message?: string; OfflinePush?: { Enable?: number; Title?: string; Content?: string } };
  const text = String(body.Message ?? "");
  return (
    <section aria-label={t("message")} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
      <h2 className="font-semibold">{t("message")}</h2>
      {kind === "group" ? (
        <MessageBubble message={request as unknown as BubbleMessage} />
      ) : (
        <figure aria-label={t("announcementBubble")} className="space-y-1">
          <figcaption className="text-xs text-slate-600 dark:text-slate-400">{t("toAllUsers", { sender: String(request.FromUserId ?? "") })}</figcaption>
          <div className="max-w-full rounded-2xl bg-amber-50 px-3 py-2 text-sm text-slate-900 ring-1 ring-amber-300 dark:bg-amber-950 dark:text-slate-100">
            <MessageContent type={Number(request.MessageType)} message={text} subMsgType={typeof request.SubMsgType === "number" ? request.SubMsgType : undefined} />
          </div>
          <p className="text-xs text-slate-600 dark:text-slate-400">{t(`pushType.${Number(request.PushType ?? 0)}`)}</p>
        </figure>
      )}
      <PushPreview appName={appName} push={body.OfflinePush} fallback={text} />
      <RequestBody body={request} title={kind === "group" ? "SendGroupMessage" : "SendMessageToAllUsers"} />
    </section>
  );
}
