"use client";

import { useTranslations } from "next-intl";
import { MessageBubble } from "@/components/zim/message-bubble";
import { PushPreview } from "@/components/zim/push-preview";
import { RequestBody } from "@/components/zim/request-body";
import type { SendGroupMessageInput } from "@/lib/zim/schemas/send-group-message";

/** What receivers will see (bubble and push) and the exact request body, from the same object that is sent. */
export function PreviewPanel({ request, appName }: { request: SendGroupMessageInput; appName: string }) {
  const t = useTranslations("messagePreview");
  return (
    <section aria-labelledby="c-preview" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="c-preview" className="font-semibold">{t("title")}</h2>
      <MessageBubble message={request} />
      <div className="space-y-1">
        <h3 className="text-sm font-semibold">{t("pushTitle")}</h3>
        <PushPreview appName={appName} push={request.MessageBody.OfflinePush} fallback={request.MessageBody.Message} />
      </div>
      <RequestBody body={request} title={t("requestTitle")} />
    </section>
  );
}
