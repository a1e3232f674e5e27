"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormCard } from "@/components/forms/form-card";
import { useFieldError } from "@/components/forms/use-field-error";
import { describedBy, Field, Input } from "@/components/ui/field";
import { addGroupAction } from "./actions";
import { addGroupSchema } from "./schemas";

export function AddGroupForm() {
  const t = useTranslations("sandbox");
  const fieldError = useFieldError();
  const [saved, setSaved] = useState<string | null>(null);
  const { form, action, handleSubmitWithAction } = useHookFormAction(addGroupAction, zodResolver(addGroupSchema), {
    formProps: { defaultValues: { GroupId: "", GroupName: "", GroupOwner: "ops", Members: "" } },
    actionProps: { onSuccess: ({ input }) => { setSaved(t("groupSaved", { groupId: input.GroupId })); form.reset(); } },
  });
  const e = form.formState.errors;
  const err = { id: fieldError(e.GroupId), owner: fieldError(e.GroupOwner), members: fieldError(e.Members), name: fieldError(e.GroupName) };
  return (
    <FormCard title={t("addGroup")} onSubmit={handleSubmitWithAction} serverError={action.result.serverError}
      success={saved} pending={action.isPending} submitLabel={t("createGroup")}>
      <Field id="sg-id" label={t("groupId")} error={err.id}>
        <Input id="sg-id" invalid={!!err.id} aria-describedby={describedBy("sg-id", err.id)} {...form.register("GroupId")} />
      </Field>
      <Field id="sg-name" label={t("groupName")} error={err.name}>
        <Input id="sg-name" invalid={!!err.name} aria-describedby={describedBy("sg-name", err.name)} {...form.register("GroupName")} />
      </Field>
      <Field id="sg-owner" label={t("owner")} error={err.owner}>
        <Input id="sg-owner" invalid={!!err.owner} aria-describedby={describedBy("sg-owner", err.owner)} {...form.register("GroupOwner")} />
      </Field>
      <Field id="sg-members" label={t("memberIds")} hint={t("memberIdsHint")} error={err.members}>
        <textarea id="sg-members" rows={3} aria-invalid={!!err.members || undefined} aria-describedby={describedBy("sg-members", err.members, true)}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
          {...form.register("Members")} />
      </Field>
    </FormCard>
  );
}
