"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormCard } from "@/components/forms/form-card";
import { useFieldError } from "@/components/forms/use-field-error";
import { describedBy, Field, Input } from "@/components/ui/field";
import { saveSandboxSettingsAction } from "./actions";
import { sandboxSettingsSchema, type SandboxSettingsInput } from "./schemas";

/** Moderation words (D5), the recall window (D13) and the announcement quota (D7) of the rehearsal world. */
export function SettingsForm({ settings }: { settings: SandboxSettingsInput }) {
  const t = useTranslations("sandbox");
  const fieldError = useFieldError();
  const [saved, setSaved] = useState<string | null>(null);
  const { form, action, handleSubmitWithAction } = useHookFormAction(saveSandboxSettingsAction, zodResolver(sandboxSettingsSchema), {
    formProps: { defaultValues: settings },
    actionProps: { onSuccess: () => setSaved(t("settingsSaved")) },
  });
  const e = form.formState.errors;
  const err = { words: fieldError(e.BlockedWords), recall: fieldError(e.RecallWindowSeconds), daily: fieldError(e.BroadcastDailyLimit) };
  return (
    <FormCard title={t("settings")} onSubmit={handleSubmitWithAction} serverError={action.result.serverError}
      success={saved} pending={action.isPending} submitLabel={t("saveSettings")}>
      <Field id="ss-words" label={t("blockedWords")} hint={t("blockedWordsHint")} error={err.words}>
        <textarea id="ss-words" rows={4} aria-invalid={!!err.words || undefined} aria-describedby={describedBy("ss-words", err.words, true)}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
          {...form.register("BlockedWords")} />
      </Field>
      <Field id="ss-recall" label={t("recallWindow")} error={err.recall}>
        <Input id="ss-recall" inputMode="numeric" invalid={!!err.recall} aria-describedby={describedBy("ss-recall", err.recall)}
          {...form.register("RecallWindowSeconds", { setValueAs: (v) => (v === "" ? undefined : Number(v)) })} />
      </Field>
      <Field id="ss-daily" label={t("broadcastDailyLimit")} hint={t("broadcastDailyLimitHint")} error={err.daily}>
        <Input id="ss-daily" inputMode="numeric" invalid={!!err.daily} aria-describedby={describedBy("ss-daily", err.daily, true)}
          {...form.register("BroadcastDailyLimit", { setValueAs: (v) => (v === "" ? undefined : Number(v)) })} />
      </Field>
    </FormCard>
  );
}
