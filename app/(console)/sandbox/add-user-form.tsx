"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { FormCard } from "@/components/forms/form-card";
import { useFieldError } from "@/components/forms/use-field-error";
import { describedBy, Field, Input } from "@/components/ui/field";
import { addUserAction } from "./actions";
import { addUserSchema } from "./schemas";

export function AddUserForm() {
  const t = useTranslations("sandbox");
  const fieldError = useFieldError();
  const [saved, setSaved] = useState<string | null>(null);
  const { form, action, handleSubmitWithAction } = useHookFormAction(addUserAction, zodResolver(addUserSchema), {
    formProps: { defaultValues: { UserId: "", UserName: "", Online: true, PushRegistered: true } },
    actionProps: { onSuccess: ({ input }) => { setSaved(t("userSaved", { userId: input.UserId })); form.reset(); } },
  });
  const idError = fieldError(form.formState.errors.UserId);
  return (
    <FormCard title={t("addUser")} onSubmit={handleSubmitWithAction} serverError={action.result.serverError}
      success={saved} pending={action.isPending} submitLabel={t("saveUser")}>
      <Field id="su-id" label={t("userId")} error={idError} hint={t("userIdHint")}>
        <Input id="su-id" invalid={!!idError} aria-describedby={describedBy("su-id", idError, true)} {...form.register("UserId")} />
      </Field>
      <Field id="su-name" label={t("userName")}>
        <Input id="su-name" {...form.register("UserName")} />
      </Field>
      <CheckboxField id="su-online" label={t("isOnline")} {...form.register("Online")} />
      <CheckboxField id="su-push" label={t("hasPush")} {...form.register("PushRegistered")} />
    </FormCard>
  );
}
