"use client";

import { useTranslations } from "next-intl";
import type { UseFormReturn } from "react-hook-form";
import { ComposeText } from "@/components/message-form/compose-field";
import { Field, Select } from "@/components/ui/field";
import type { AnnouncementValues } from "@/lib/announcements/announcement-form";
import { BROADCAST_MESSAGE_TYPES } from "@/lib/zim/message-types";

/** Who it is from and what kind of message: only the types SendMessageToAllUsers takes (zim-api.md §3.1). */
export function SenderSection({ form }: { form: UseFormReturn<AnnouncementValues> }) {
  const t = useTranslations("compose");
  const ta = useTranslations("announcements");
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <ComposeText form={form} name="fromUserId" id="c-from" label={t("from")} hint={t("fromHint")} />
      <Field id="c-type" label={t("type")} hint={ta("typeHint")}>
        <Select id="c-type" aria-describedby="c-type-hint" {...form.register("messageType", { valueAsNumber: true })}>
          {BROADCAST_MESSAGE_TYPES.map((type) => <option key={type} value={type}>{t(`types.${type}`)}</option>)}
        </Select>
      </Field>
    </div>
  );
}
