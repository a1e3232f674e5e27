"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import { Field, Select } from "@/components/ui/field";
import type { ComposeValues } from "@/lib/messages/compose-form";
import type { MemberList } from "@/lib/messages/group-directory";
import { GROUP_MESSAGE_TYPES } from "@/lib/zim/message-types";
import { lookupReturnCode } from "@/lib/zim/return-codes";
import { ComposeText } from "@/components/message-form/compose-field";
import { useAppGroups } from "./use-group-directory";

/**
 * Sender, group (a picker over the app's groups, free text always works), message type and priority. A send to
 * many groups (`many`) takes its groups from its own list instead of the group field.
 */
export function AddressSection({ form, members, membersLoading, many = false }: { form: UseFormReturn<ComposeValues>; members?: MemberList; membersLoading: boolean; many?: boolean }) {
  const t = useTranslations("compose");
  const locale = useLocale();
  const appKey = form.watch("appKey");
  const priority = form.watch("priority");
  const [wantsGroups, setWantsGroups] = useState(false);
  const groups = useAppGroups(appKey, wantsGroups);
  const problem = members?.problem;
  const problemText = problem?.code ? lookupReturnCode(problem.code)[locale.startsWith("zh") ? "zh" : "en"].meaning : problem ? t("lookupFailed") : undefined;
  const groupHint = membersLoading
    ? t("groupLoading")
    : problemText
      ? t("groupProblem", { problem: problemText })
      : members
        ? t("groupMembers", { count: members.total })
        : t("groupHint");

  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <ComposeText form={form} name="fromUserId" id="c-from" label={t("from")} hint={t("fromHint")} />
      {many ? null : (
        <div onFocus={() => setWantsGroups(true)}>
          <ComposeText form={form} name="groupId" id="c-group" label={t("group")} hint={<span data-testid="group-status">{groupHint}</span>} list="c-group-options" />
          <datalist id="c-group-options">
            {groups.data?.groups.map((g) => <option key={g.GroupId} value={g.GroupId}>{g.GroupName ?? ""}</option>)}
          </datalist>
          {groups.data?.problem ? <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{t("groupListUnavailable")}</p> : null}
        </div>
      )}
      <Field id="c-type" label={t("type")}>
        <Select id="c-type" {...form.register("messageType", { valueAsNumber: true })}>
          {GROUP_MESSAGE_TYPES.map((type) => <option key={type} value={type}>{t(`types.${type}`)}</option>)}
        </Select>
      </Field>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">{t("priority")}</legend>
        {([3, 2, 1] as const).map((p) => (
          <label key={p} className="flex items-start gap-2 text-sm">
            <input type="radio" name="priority" value={p} className="mt-1" checked={priority === p}
              onChange={() => form.setValue("priority", p, { shouldDirty: true })} />
            <span><span className="font-medium">{t(`priorities.${p}`)}</span> — <span className="text-slate-600 dark:text-slate-400">{t(`priorityHints.${p}`)}</span></span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
