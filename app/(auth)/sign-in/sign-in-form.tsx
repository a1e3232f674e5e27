"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useFieldError } from "@/components/forms/use-field-error";
import { signInSchema } from "@/lib/auth/schemas/sign-in";
import { signIn } from "./actions";

export function SignInForm({ next }: { next?: string }) {
  const t = useTranslations("signIn");
  const fieldError = useFieldError();
  const { form, action, handleSubmitWithAction } = useHookFormAction(signIn, zodResolver(signInSchema), {
    formProps: { defaultValues: { email: "", password: "", next } },
  });
  const errors = form.formState.errors;
  const emailError = fieldError(errors.email);
  const passwordError = fieldError(errors.password);

  return (
    <form onSubmit={handleSubmitWithAction} noValidate className="space-y-4">
      {action.result.serverError ? <Notice tone="error">{action.result.serverError}</Notice> : null}
      <Field id="email" label={t("email")} error={emailError}>
        <Input
          id="email"
          type="email"
          autoComplete="username"
          invalid={Boolean(emailError)}
          aria-describedby={describedBy("email", emailError)}
          {...form.register("email")}
        />
      </Field>
      <Field id="password" label={t("password")} error={passwordError}>
        <Input
          id="password"
          type="password"
          autoComplete="current-password"
          invalid={Boolean(passwordError)}
          aria-describedby={describedBy("password", passwordError)}
          {...form.register("password")}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={action.isPending}>
        {action.isPending ? t("signingIn") : t("submit")}
      </Button>
    </form>
  );
}
