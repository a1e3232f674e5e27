"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useFieldError } from "@/components/forms/use-field-error";
import { ROLES } from "@/lib/auth/roles";
import { createOperatorSchema } from "@/lib/operators/schema";
import { createOperatorAction } from "./actions";

export function CreateOperatorForm({ onCreated }: { onCreated: (issued: { email: string; oneTimePassword: string }) => void }) {
  const t = useTranslations("operators");
  const tRoles = useTranslations("roles");
  const fieldError = useFieldError();
  const { form, action, handleSubmitWithAction } = useHookFormAction(createOperatorAction, zodResolver(createOperatorSchema), {
    formProps: { defaultValues: { email: "", name: "", role: "operator" } },
    actionProps: {
      onSuccess: ({ data }) => {
        if (data) onCreated(data);
        form.reset();
      },
    },
  });
  const e = form.formState.errors;
  const err = { email: fieldError(e.email), name: fieldError(e.name), role: fieldError(e.role) };
  return (
    <form onSubmit={handleSubmitWithAction} noValidate aria-label={t("addTitle")}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
      <h2 className="font-semibold">{t("addTitle")}</h2>
      {action.result.serverError ? <Notice tone="error">{action.result.serverError}</Notice> : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="op-email" label={t("email")} error={err.email}>
          <Input id="op-email" type="email" invalid={!!err.email} aria-describedby={describedBy("op-email", err.email)} {...form.register("email")} />
        </Field>
        <Field id="op-name" label={t("name")} error={err.name}>
          <Input id="op-name" invalid={!!err.name} aria-describedby={describedBy("op-name", err.name)} {...form.register("name")} />
        </Field>
        <Field id="op-role" label={t("role")} error={err.role}>
          <Select id="op-role" invalid={!!err.role} {...form.register("role")}>
            {ROLES.map((r) => <option key={r} value={r}>{tRoles(r)}</option>)}
          </Select>
        </Field>
      </div>
      <Button type="submit" disabled={action.isPending}>{t("add")}</Button>
    </form>
  );
}
