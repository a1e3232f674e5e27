"use client";

import { useTranslations } from "next-intl";
import { MessageBubble, type BubbleMessage } from "@/components/zim/message-bubble";
import { PushPreview } from "@/components/zim/push-preview";
import { RequestBody } from "@/components/zim/request-body";

export type PreviewRequest = BubbleMessage & {
  MessageBody: { Message: string; OfflinePush?: { Enable?: number; Title?: string; Content?: string } };
};

/**
 * What receivers will see (bubble and push) and the exact request body, from the same object that is sent.
 * An announcement passes its own caption ("to every user"), request title and what happens without a push.
 */
export function PreviewPanel({ request, appName, caption, requestTitle, pushOff }: {
  request: PreviewRequest;
  appName: string;
  caption?: string;
  requestTitle?: string;
  pushOff?: string;
}) {
  const t = useTranslations("messagePreview");
  return (
    <section aria-labelledby="c-preview" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="c-preview" className="font-semibold">{t("title")}</h2>
      <MessageBubble message={request} caption={caption} />
      <div className="space-y-1">
        <h3 className="text-sm font-semibold">{t("pushTitle")}</h3>
        <PushPreview appName={appName} push={request.MessageBody.OfflinePush} fallback={request.MessageBody.Message} off={pushOff} />
      </div>
      <RequestBody body={request} title={requestTitle ?? t("requestTitle")} />
    </section>
  );
}
