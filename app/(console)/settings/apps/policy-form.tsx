"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { AppLabel } from "@/components/zim/app-label";
import { appPolicySchema } from "@/lib/scheduler/policy-schema";
import type { AppPolicy } from "@/lib/scheduler/policy";
import { saveAppPolicyAction } from "./actions";

export interface PolicyRow {
  appKey: string;
  name: string;
  isProduction: boolean;
  isSandbox: boolean;
  policy: AppPolicy;
}

const asNumber = { setValueAs: (v: unknown) => (v === "" || v === undefined ? undefined : Number(v)) };

/** One app's scheduling policy: how late a missed item may still go out, and whether announcements need approval. */
export function PolicyForm({ row }: { row: PolicyRow }) {
  const t = useTranslations("appPolicy");
  const id = `policy-${row.appKey}`;
  const { form, action, handleSubmitWithAction } = useHookFormAction(saveAppPolicyAction, zodResolver(appPolicySchema), {
    formProps: { defaultValues: { appKey: row.appKey, ...row.policy } },
  });
  const graceError = form.formState.errors.graceMinutes?.message;
  const grace = graceError ? (t.has(graceError) ? t(graceError) : graceError) : undefined;
  return (
    <form onSubmit={handleSubmitWithAction} noValidate aria-label={t("formLabel", { app: row.name })}
      className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <p className="w-full font-medium sm:w-48"><AppLabel name={row.name} production={row.isProduction} sandbox={row.isSandbox} /></p>
      <div className="w-48">
        <Field id={`${id}-grace`} label={t("graceMinutes")} hint={t("graceHint")} error={grace}>
          <Input id={`${id}-grace`} inputMode="numeric" invalid={!!grace} aria-describedby={describedBy(`${id}-grace`, grace, true)} {...form.register("graceMinutes", asNumber)} />
        </Field>
      </div>
      <label className="flex max-w-sm items-start gap-2 pb-2 text-sm">
        <input type="checkbox" className="mt-0.5 size-4" {...form.register("announcementApproval")} />
        <span><span className="font-medium">{t("approval")}</span><span className="block text-xs text-slate-600 dark:text-slate-400">{t("approvalHint")}</span></span>
      </label>
      <Button type="submit" disabled={action.isPending}>{t("save")}</Button>
      <div aria-live="polite" className="w-full text-sm empty:hidden">
        {action.result.serverError ? <Notice tone="error">{action.result.serverError}</Notice> : null}
        {action.hasSucceeded ? <span data-testid="policy-saved">{t("saved", { count: action.result.data?.affectedItems ?? 0 })}</span> : null}
      </div>
    </form>
  );
}
