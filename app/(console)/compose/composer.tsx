"use client";

import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm, useWatch, type UseFormReturn } from "react-hook-form";
import { ScheduleControl } from "@/components/schedule/schedule-control";
import { ScheduleSentence } from "@/components/schedule/schedule-sentence";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { buildRequest, emptyCompose, type ComposeValues } from "@/lib/messages/compose-form";
import { describeBulkSend, describeSend } from "@/lib/messages/confirmation";
import { parseRecipients } from "@/lib/messages/recipients";
import type { ComposeTarget } from "@/lib/messages/targets";
import { SCHEDULE_FIELDS } from "@/lib/scheduler/items/errors";
import type { ScheduleValues } from "@/lib/scheduler/items/schema";
import { DEFAULT_ZIM_LIMITS } from "@/lib/zim/limits";
import { sendMessageAction } from "./actions";
import { AddressSection } from "./address-section";
import { AppSection } from "@/components/message-form/app-section";
import { asBodyForm } from "@/components/message-form/body-form";
import { BodySection } from "@/components/message-form/body-section";
import { fromDraft, saveComposerDraft, type ComposerDraft } from "./composer-draft";
import { composerResolver, messageValues, type ComposerValues, type TargetMode } from "./composer-resolver";
import { ConfirmDialog } from "@/components/zim/confirm-dialog";
import { PreviewPanel } from "@/components/message-form/preview-panel";
import { GroupListSection } from "./group-list-section";
import { PushSection } from "./push-section";
import { RecipientsSection } from "./recipients-section";
import { serverFieldErrors } from "@/lib/messages/server-errors";
import { TargetSwitch } from "./target-switch";
import { TestSend } from "./test-send";
import { BulkEstimate } from "./bulk-estimate";
import { useBulkSubmit } from "./use-bulk-submit";
import { useFormDraft } from "@/components/message-form/use-form-draft";
import { useScheduleSubmit } from "../scheduled/use-schedule-submit";
import { useGroupMembers } from "./use-group-directory";
import { readGroupList } from "../bulk/bulk-input";

/**
 * The composer: every field checked live with lib/zim's schema, a preview, a draft, and a worded confirmation;
 * sent now, or scheduled (a new item, or `item` being edited at the version it was opened at). "Many groups" sends
 * the same message to a list of groups as one bulk send, run at the app's limit (app/(console)/bulk).
 */
export function Composer({ operatorId, targets, initial, initialSchedule, fresh, item, startMany = false }: {
  operatorId: string;
  targets: ComposeTarget[];
  initial: ComposeValues;
  initialSchedule: ScheduleValues;
  fresh: boolean;
  item?: { id: string; version: number };
  /** Opened as "new bulk send": many groups, whatever the draft had. */
  startMany?: boolean;
}) {
  const t = useTranslations("compose");
  const tSchedule = useTranslations("schedule");
  const tConfirm = useTranslations("confirmSend");
  const tBulk = useTranslations("bulkCompose");
  const router = useRouter();
  const limitsFor = (key: string) => targets.find((a) => a.key === key)?.limits ?? DEFAULT_ZIM_LIMITS;
  const defaults: ComposerValues = { ...initial, schedule: initialSchedule, target: "one", groupsText: "" };
  const form = useForm<ComposerValues>({ defaultValues: defaults, resolver: composerResolver(limitsFor), mode: "onChange" });
  const message = form as unknown as UseFormReturn<ComposeValues>;
  // Editing a scheduled item keeps its own draft, apart from the operator's new message.
  const draft = useFormDraft<ComposerDraft>("compose", item ? `${operatorId}:item:${item.id}:v${item.version}` : operatorId, { fresh });
  const values = useWatch({ control: form.control }) as ComposerValues;
  const scheduling = Boolean(item) || values.schedule.mode === "later";
  // A scheduled item being edited stays a message to one group.
  const many = !item && values.target === "many";
  const schedule = useScheduleSubmit(item, draft.key);
  const bulk = useBulkSubmit(draft.key);
  const target = targets.find((a) => a.key === values.appKey);
  const limits = limitsFor(values.appKey);
  const members = useGroupMembers(values.appKey, many ? "" : values.groupId);
  const request = buildRequest(messageValues(values));
  const groupCount = many ? readGroupList(values.groupsText).ids.length : 0;
  const [confirming, setConfirming] = useState(false);
  const [reused, setReused] = useState<string | null>(null);
  const send = useAction(sendMessageAction);

  const chooseTarget = (mode: TargetMode) => {
    form.setValue("target", mode, { shouldDirty: true });
    // A send to many groups goes out once: a repetition chosen for one group does not carry over.
    const current = form.getValues("schedule");
    if (mode === "many" && current.repeat !== "none") form.setValue("schedule", { ...current, repeat: "none", weekdays: [], until: "" });
    form.clearErrors();
  };

  useEffect(() => {
    const restored = draft.load();
    if (restored) form.reset(fromDraft(restored.values, initialSchedule));
    if (startMany) chooseTarget("many");
    return form.subscribe({ formState: { values: true }, callback: ({ values: v }) => saveComposerDraft(draft.save, v as ComposerValues) });
    // Once on mount: the draft is read after hydration, then every change is saved.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const audienceSize = members.data && !members.data.problem ? members.data.total : undefined;
  const input = { appKey: values.appKey, idempotencyKey: draft.key, audienceSize, request };
  const summary = {
    priority: values.priority, messageType: values.messageType, appName: target?.name ?? "", recipientMode: values.recipientMode,
    receivers: values.recipientMode === "all" ? [] : parseRecipients(values.recipientsText).ids, pushOn: request.MessageBody.OfflinePush?.Enable === 1,
  };
  const translate = (key: string, v?: Record<string, string | number>) => tConfirm(key, v);
  const sentence = many ? describeBulkSend({ ...summary, groupCount }, translate) : describeSend({ ...summary, groupId: request.GroupId, audienceSize }, translate);

  const applyServerErrors = (errors: unknown) => {
    for (const e of serverFieldErrors(errors, values.messageType)) form.setError(e.path as "root", { type: "server", message: e.message });
  };

  const confirmSchedule = async () => {
    const result = await schedule.submit({ kind: "group", appKey: values.appKey, audienceSize, request, schedule: values.schedule });
    if (result.validationErrors) {
      setConfirming(false);
      applyServerErrors(result.validationErrors);
      return;
    }
    if (!result.id) return;
    draft.reset();
    router.push(`/scheduled/${result.id}`);
  };

  const confirmBulk = async () => {
    const result = await bulk.submit({ appKey: values.appKey, request, groupsText: values.groupsText, schedule: values.schedule });
    if (result.validationErrors) {
      setConfirming(false);
      applyServerErrors(result.validationErrors);
      return;
    }
    if (!result.id) return;
    draft.reset();
    router.push(`/bulk/${result.id}`);
  };

  const confirm = async () => {
    if (many) return confirmBulk();
    if (scheduling) return confirmSchedule();
    const result = await send.executeAsync(input);
    if (result?.validationErrors) {
      setConfirming(false);
      applyServerErrors(result.validationErrors);
      return;
    }
    const data = result?.data;
    if (!data) return;
    if (data.duplicate && !data.sameContent) {
      setConfirming(false);
      setReused(data.id);
      return;
    }
    draft.reset();
    router.push(`/history/${data.id}`);
  };

  const startOver = () => {
    draft.reset();
    setReused(null);
    // Editing an item starts over from the item as stored; a new message from an empty form.
    form.reset(item ? defaults : { ...emptyCompose(targets.length === 1 ? targets[0]!.key : "", targets.length === 1 ? initial.fromUserId : ""), schedule: initialSchedule, target: "one", groupsText: "" });
  };

  return (
    <div className={`grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] ${target?.isProduction ? "rounded-lg ring-4 ring-red-600 ring-offset-4 dark:ring-offset-slate-950" : ""}`}>
      <form noValidate aria-label={t("formLabel")} onSubmit={form.handleSubmit(() => setConfirming(true))}
        className="space-y-6 rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
        {draft.restored ? (
          <Notice title={t("draftRestored")}>
            {draft.restored.values.groupsDropped ? <p>{tBulk("draftListDropped")}</p> : null}
            <Button variant="ghost" className="px-0 underline" onClick={startOver}>{t("startOver")}</Button>
          </Notice>
        ) : null}
        {reused ? (
          <Notice tone="warning" title={t("keyUsedTitle")}>
            <p>{t("keyUsedBody")} <Link className="underline" href={`/history/${reused}`}>{t("keyUsedLink")}</Link></p>
            <Button variant="secondary" className="mt-2" onClick={() => { draft.rotateKey(); setReused(null); }}>{t("keyUsedNew")}</Button>
          </Notice>
        ) : null}
        {form.formState.errors.root?.message ? <Notice tone="error">{form.formState.errors.root.message}</Notice> : null}
        <AppSection form={asBodyForm(form)} targets={targets} target={target} />
        {item ? null : <TargetSwitch value={values.target} onChange={chooseTarget} />}
        <AddressSection form={message} members={members.data} membersLoading={members.isFetching} many={many} />
        {many ? <GroupListSection form={form} perSecond={target?.sendGroupPerSecond ?? 0} /> : null}
        <BodySection form={asBodyForm(form)} limits={limits} />
        <RecipientsSection form={message} members={many ? undefined : members.data} many={many} />
        <PushSection form={message} />
        {send.result.serverError && !confirming ? <Notice tone="error">{send.result.serverError}</Notice> : null}
        <ScheduleControl value={values.schedule} allowNow={!item} canRepeat={!many} errors={form.formState.errors.schedule}
          onChange={(next) => {
            form.setValue("schedule", next, { shouldDirty: true });
            // Field by field: react-hook-form keeps errors only for the names it validates, and "schedule" has no inputs of its own.
            void form.trigger(SCHEDULE_FIELDS.map((f) => `schedule.${f}` as const));
          }} />
        <div className="flex flex-wrap items-start gap-3 border-t border-slate-200 pt-4 dark:border-slate-800">
          <Button type="submit" variant={target?.isProduction ? "danger" : "primary"}>
            {item ? tSchedule("reviewSave") : scheduling ? tSchedule("reviewSchedule") : many ? tBulk("review") : t("review")}
          </Button>
          <TestSend form={message} target={target} input={input} />
        </div>
      </form>
      <div className="lg:sticky lg:top-4 lg:self-start">
        <PreviewPanel request={request} appName={target?.name ?? ""} requestTitle={many ? tBulk("requestTitle") : undefined} />
      </div>
      <ConfirmDialog open={confirming} title={many ? tBulk("confirmTitle", { count: groupCount }) : scheduling ? tSchedule("confirmTitle") : t("confirmTitle")} sentence={sentence}
        production={Boolean(target?.isProduction)} appName={target?.name ?? ""} pending={send.isPending || schedule.isPending || bulk.isPending}
        error={many ? bulk.serverError : scheduling ? schedule.serverError : send.result.serverError}
        confirmLabel={item ? tSchedule("confirmSave") : scheduling ? tSchedule("confirmSchedule") : many ? tBulk("confirmSend", { count: groupCount }) : t("sendNow")}
        onConfirm={() => void confirm()} onCancel={() => setConfirming(false)}>
        {many ? <BulkEstimate count={groupCount} perSecond={target?.sendGroupPerSecond ?? 0} /> : null}
        {scheduling ? <ScheduleSentence schedule={values.schedule} /> : null}
      </ConfirmDialog>
    </div>
  );
}
