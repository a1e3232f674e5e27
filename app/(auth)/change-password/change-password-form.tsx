"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useFieldError } from "@/components/forms/use-field-error";
import { changePasswordSchema } from "@/lib/auth/schemas/password";
import { changePassword } from "./actions";

const FIELDS = [
  { name: "currentPassword", autoComplete: "current-password" },
  { name: "newPassword", autoComplete: "new-password" },
  { name: "confirmPassword", autoComplete: "new-password" },
] as const;

export function ChangePasswordForm() {
  const t = useTranslations("changePassword");
  const fieldError = useFieldError();
  const { form, action, handleSubmitWithAction } = useHookFormAction(changePassword, zodResolver(changePasswordSchema), {
    formProps: { defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" } },
  });
  return (
    <form onSubmit={handleSubmitWithAction} noValidate className="space-y-4">
      {action.result.serverError ? <Notice tone="error">{action.result.serverError}</Notice> : null}
      {FIELDS.map(({ name, autoComplete }) => {
        const error = fieldError(form.formState.errors[name]);
        return (
          <Field key={name} id={name} label={t(name)} error={error} hint={name === "newPassword" ? t("rule") : undefined}>
            <Input id={name} type="password" autoComplete={autoComplete} invalid={!!error}
              aria-describedby={describedBy(name, error, name === "newPassword")} {...form.register(name)} />
          </Field>
        );
      })}
      <Button type="submit" className="w-full" disabled={action.isPending}>{t("submit")}</Button>
    </form>
  );
}
