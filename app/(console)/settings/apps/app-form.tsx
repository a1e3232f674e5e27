"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useFieldError } from "@/components/forms/use-field-error";
import type { ZimAppSummary } from "@/lib/zim-apps/queries";
import { DEFAULT_RATE_LIMITS, RATE_LIMITED_ACTIONS, RECALL_WINDOW, ZIM_API_HOSTS } from "@/lib/zim-apps/defaults";
import { zimAppFormSchema, type ZimAppFormInput } from "@/lib/zim-apps/schema";
import { saveZimAppAction } from "./actions";

export type AppRow = Omit<ZimAppSummary, "updatedAt"> & { updatedAt: string };

function defaultsFor(app?: AppRow): Partial<ZimAppFormInput> {
  const limits = Object.fromEntries(
    RATE_LIMITED_ACTIONS.map((a) => [a, app?.rateLimits[a]?.perSecond ?? DEFAULT_RATE_LIMITS[a].perSecond]),
  ) as ZimAppFormInput["rateLimits"];
  return {
    id: app?.id,
    name: app?.name ?? "",
    appId: app?.appId,
    serverSecret: "",
    baseUrl: app?.baseUrl ?? ZIM_API_HOSTS[0],
    isProduction: app?.isProduction ?? false,
    rateLimits: limits,
    broadcastDailyLimit: app?.broadcastDailyLimit ?? 100,
    recallWindowSeconds: app?.recallWindowSeconds ?? RECALL_WINDOW.default,
    testGroupId: app?.testGroupId ?? "",
  };
}

const asNumber = { setValueAs: (v: unknown) => (v === "" || v === undefined ? undefined : Number(v)) };

/** Create or edit a ZIM app. The ServerSecret is write-only: an existing one shows as "set — replace?". */
export function AppForm({ app, onDone }: { app?: AppRow; onDone: () => void }) {
  const t = useTranslations("apps");
  const fieldError = useFieldError();
  const [replacingSecret, setReplacingSecret] = useState(!app);
  const { form, action, handleSubmitWithAction } = useHookFormAction(saveZimAppAction, zodResolver(zimAppFormSchema), {
    formProps: { defaultValues: defaultsFor(app) },
    actionProps: { onSuccess: onDone },
  });
  const e = form.formState.errors;
  const title = app ? t("editTitle", { name: app.name }) : t("addTitle");
  const text = (name: "name" | "serverSecret" | "baseUrl" | "testGroupId", id: string, hint?: string, type = "text") => {
    const error = fieldError(e[name]);
    return (
      <Field id={id} label={t(name)} hint={hint} error={error}>
        <Input id={id} type={type} autoComplete="off" invalid={!!error} aria-describedby={describedBy(id, error, hint)} {...form.register(name)} />
      </Field>
    );
  };
  const number = (name: "appId" | "recallWindowSeconds" | "broadcastDailyLimit", id: string, hint?: string) => {
    const error = fieldError(e[name]);
    return (
      <Field id={id} label={t(name)} hint={hint} error={error}>
        <Input id={id} inputMode="numeric" invalid={!!error} aria-describedby={describedBy(id, error, hint)} {...form.register(name, asNumber)} />
      </Field>
    );
  };

  return (
    <form onSubmit={handleSubmitWithAction} noValidate aria-label={title}
      className="space-y-5 rounded-lg border border-brand-500 bg-white p-5 dark:bg-slate-900">
      <h3 className="font-semibold">{title}</h3>
      {action.result.serverError ? <Notice tone="error">{action.result.serverError}</Notice> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {text("name", "app-name")}
        {number("appId", "app-appId")}
        {replacingSecret ? (
          text("serverSecret", "app-secret", t("serverSecretHint"), "password")
        ) : (
          <Field id="app-secret-state" label={t("serverSecret")}>
            <div id="app-secret-state" className="flex items-center gap-3 text-sm">
              <span data-testid="secret-state">{t("secretSet")}</span>
              <Button variant="secondary" onClick={() => setReplacingSecret(true)}>{t("replaceSecret")}</Button>
            </div>
          </Field>
        )}
        {text("baseUrl", "app-baseUrl", t("baseUrlHint"))}
        {number("recallWindowSeconds", "app-recall", t("recallWindowHint"))}
        {number("broadcastDailyLimit", "app-daily", t("broadcastDailyLimitHint"))}
        {text("testGroupId", "app-testGroup", t("testGroupHint"))}
        <div className="flex items-center gap-2 self-end pb-2">
          <input id="app-production" type="checkbox" className="size-4" {...form.register("isProduction")} />
          <label htmlFor="app-production" className="text-sm font-medium">{t("isProduction")}</label>
        </div>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("rateLimits")}</legend>
        <p className="text-xs text-slate-600 dark:text-slate-400">{t("rateLimitsHint")}</p>
        <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-4">
          {RATE_LIMITED_ACTIONS.map((a) => {
            const error = fieldError(e.rateLimits?.[a]);
            const id = `rate-${a}`;
            return (
              <Field key={a} id={id} label={`${a} (${t("perSecond")})`} error={error}>
                <Input id={id} inputMode="numeric" invalid={!!error} aria-describedby={describedBy(id, error)}
                  {...form.register(`rateLimits.${a}`, asNumber)} />
              </Field>
            );
          })}
        </div>
      </fieldset>
      <div className="flex gap-2">
        <Button type="submit" disabled={action.isPending}>{t("save")}</Button>
        <Button variant="secondary" onClick={onDone}>{t("cancel")}</Button>
      </div>
    </form>
  );
}
