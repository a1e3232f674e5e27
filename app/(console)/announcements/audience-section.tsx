"use client";

import { useTranslations } from "next-intl";
import type { UseFormReturn } from "react-hook-form";
import { asBodyForm } from "@/components/message-form/body-form";
import { OfflinePushFields } from "@/components/message-form/offline-push-fields";
import type { AnnouncementValues } from "@/lib/announcements/announcement-form";
import { PUSH_TYPES } from "@/lib/zim/schemas/send-message-to-all-users";

/** Who receives it (PushType, D6: online users only by default), in plain words, and the push it carries. */
export function AudienceSection({ form }: { form: UseFormReturn<AnnouncementValues> }) {
  const t = useTranslations("announcements");
  const pushType = form.watch("pushType");
  return (
    <fieldset className="space-y-3">
      <legend className="text-base font-semibold">{t("audience")}</legend>
      <div className="space-y-2">
        {PUSH_TYPES.map((p) => (
          <label key={p} className="flex items-start gap-2 text-sm">
            <input type="radio" name="pushType" value={p} className="mt-1" checked={pushType === p}
              onChange={() => form.setValue("pushType", p, { shouldDirty: true, shouldValidate: true })} />
            <span><span className="font-medium">{t(`pushTypes.${p}`)}</span> — <span className="text-slate-600 dark:text-slate-400">{t(`pushTypeHints.${p}`)}</span></span>
          </label>
        ))}
      </div>
      {pushType === 0 ? null : (
        <div className="space-y-2">
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("pushFieldsHint")}</p>
          <OfflinePushFields form={asBodyForm(form)} />
        </div>
      )}
    </fieldset>
  );
}
