"use client";

import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { buildRequest, emptyCompose, type ComposeValues } from "@/lib/messages/compose-form";
import { composeResolver } from "@/lib/messages/compose-validation";
import { describeSend } from "@/lib/messages/confirmation";
import { parseRecipients } from "@/lib/messages/recipients";
import type { ComposeTarget } from "@/lib/messages/targets";
import { DEFAULT_ZIM_LIMITS } from "@/lib/zim/limits";
import { sendMessageAction } from "./actions";
import { AddressSection } from "./address-section";
import { AppSection } from "@/components/message-form/app-section";
import { asBodyForm } from "@/components/message-form/body-form";
import { BodySection } from "@/components/message-form/body-section";
import { ConfirmDialog } from "@/components/zim/confirm-dialog";
import { PreviewPanel } from "@/components/message-form/preview-panel";
import { PushSection } from "./push-section";
import { RecipientsSection } from "./recipients-section";
import { serverFieldErrors } from "@/lib/messages/server-errors";
import { TestSend } from "./test-send";
import { useFormDraft } from "@/components/message-form/use-form-draft";
import { useGroupMembers } from "./use-group-directory";

/** The composer: every field checked live with lib/zim's schema, a preview, a draft, and a worded confirmation. */
export function Composer({ operatorId, targets, initial, fresh }: { operatorId: string; targets: ComposeTarget[]; initial: ComposeValues; fresh: boolean }) {
  const t = useTranslations("compose");
  const tConfirm = useTranslations("confirmSend");
  const router = useRouter();
  const limitsFor = (key: string) => targets.find((a) => a.key === key)?.limits ?? DEFAULT_ZIM_LIMITS;
  const form = useForm<ComposeValues>({ defaultValues: initial, resolver: composeResolver(limitsFor), mode: "onChange" });
  const draft = useFormDraft<ComposeValues>("compose", operatorId, { fresh });
  const values = useWatch({ control: form.control }) as ComposeValues;
  const target = targets.find((a) => a.key === values.appKey);
  const limits = limitsFor(values.appKey);
  const members = useGroupMembers(values.appKey, values.groupId);
  const request = buildRequest(values);
  const [confirming, setConfirming] = useState(false);
  const [reused, setReused] = useState<string | null>(null);
  const send = useAction(sendMessageAction);

  useEffect(() => {
    const restored = draft.load();
    if (restored) form.reset(restored.values);
    return form.subscribe({ formState: { values: true }, callback: ({ values: v }) => draft.save(v) });
    // Once on mount: the draft is read after hydration, then every change is saved.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const audienceSize = members.data && !members.data.problem ? members.data.total : undefined;
  const input = { appKey: values.appKey, idempotencyKey: draft.key, audienceSize, request };
  const sentence = describeSend({
    priority: values.priority, messageType: values.messageType, groupId: request.GroupId, appName: target?.name ?? "",
    recipientMode: values.recipientMode, receivers: values.recipientMode === "all" ? [] : parseRecipients(values.recipientsText).ids,
    audienceSize, pushOn: request.MessageBody.OfflinePush?.Enable === 1,
  }, (key, v) => tConfirm(key, v));

  const applyServerErrors = (errors: unknown) => {
    for (const e of serverFieldErrors(errors, values.messageType)) form.setError(e.path as "root", { type: "server", message: e.message });
  };

  const confirm = async () => {
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
    form.reset(emptyCompose(targets.length === 1 ? targets[0]!.key : "", targets.length === 1 ? initial.fromUserId : ""));
  };

  return (
    <div className={`grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] ${target?.isProduction ? "rounded-lg ring-4 ring-red-600 ring-offset-4 dark:ring-offset-slate-950" : ""}`}>
      <form noValidate aria-label={t("formLabel")} onSubmit={form.handleSubmit(() => setConfirming(true))}
        className="space-y-6 rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
        {draft.restored ? (
          <Notice title={t("draftRestored")}>
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
        <AddressSection form={form} members={members.data} membersLoading={members.isFetching} />
        <BodySection form={asBodyForm(form)} limits={limits} />
        <RecipientsSection form={form} members={members.data} />
        <PushSection form={form} />
        {send.result.serverError && !confirming ? <Notice tone="error">{send.result.serverError}</Notice> : null}
        <div className="flex flex-wrap items-start gap-3 border-t border-slate-200 pt-4 dark:border-slate-800">
          <Button type="submit" variant={target?.isProduction ? "danger" : "primary"}>{t("review")}</Button>
          <TestSend form={form} target={target} input={input} />
        </div>
      </form>
      <div className="lg:sticky lg:top-4 lg:self-start">
        <PreviewPanel request={request} appName={target?.name ?? ""} />
      </div>
      <ConfirmDialog open={confirming} title={t("confirmTitle")} sentence={sentence} production={Boolean(target?.isProduction)}
        appName={target?.name ?? ""} pending={send.isPending} error={send.result.serverError} confirmLabel={t("sendNow")}
        onConfirm={() => void confirm()} onCancel={() => setConfirming(false)} />
    </div>
  );
}
