"use client";

import { useTranslations } from "next-intl";
import type { UseFormReturn } from "react-hook-form";
import { CheckboxField } from "@/components/forms/checkbox-field";
import type { ComposeValues } from "@/lib/messages/compose-form";
import { asBodyForm } from "@/components/message-form/body-form";
import { OfflinePushFields } from "@/components/message-form/offline-push-fields";

/** Offline push (title, text, payload) and "don't count as unread"; each explains when it does not apply. */
export function PushSection({ form }: { form: UseFormReturn<ComposeValues> }) {
  const t = useTranslations("compose");
  const [type, enabled, mode] = form.watch(["messageType", "push.enabled", "recipientMode"]);
  const command = type === 2;
  const targeted = mode !== "all";
  return (
    <fieldset className="space-y-3">
      <legend className="text-base font-semibold">{t("delivery")}</legend>
      {command ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("pushNotForCommand")}</p>
      ) : (
        <>
          <CheckboxField id="c-push" label={t("pushOn")} {...form.register("push.enabled")} />
          {enabled ? <OfflinePushFields form={asBodyForm(form)} /> : null}
        </>
      )}
      <CheckboxField id="c-no-unread" label={t("noUnread")} disabled={targeted} aria-describedby="c-no-unread-hint" {...form.register("noUnread")} />
      <p id="c-no-unread-hint" className="text-xs text-slate-600 dark:text-slate-400">{targeted ? t("noUnreadTargeted") : t("noUnreadHint")}</p>
    </fieldset>
  );
}
