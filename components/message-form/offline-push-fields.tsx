"use client";

import { useTranslations } from "next-intl";
import type { UseFormReturn } from "react-hook-form";
import type { BodyValues } from "@/lib/messages/compose-form";
import { ComposeText } from "./compose-field";

/** The offline push's title, text and payload (MessageBody.OfflinePush), shown once a push is chosen. */
export function OfflinePushFields({ form }: { form: UseFormReturn<BodyValues> }) {
  const t = useTranslations("compose");
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <ComposeText form={form} name="push.title" id="c-push-title" label={t("pushTitle")} />
      <ComposeText form={form} name="push.content" id="c-push-content" label={t("pushContent")} />
      <ComposeText form={form} name="push.payload" id="c-push-payload" label={t("pushPayload")} hint={t("pushPayloadHint")} />
    </div>
  );
}
