"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useAction } from "next-safe-action/hooks";
import { useNow, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm, useWatch, type UseFormReturn } from "react-hook-form";
import { AppSection } from "@/components/message-form/app-section";
import { asBodyForm } from "@/components/message-form/body-form";
import { BodySection } from "@/components/message-form/body-section";
import { PreviewPanel } from "@/components/message-form/preview-panel";
import { useFormDraft } from "@/components/message-form/use-form-draft";
import { ScheduleControl } from "@/components/schedule/schedule-control";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ConfirmDialog } from "@/components/zim/confirm-dialog";
import { buildAnnouncementRequest, emptyAnnouncement, type AnnouncementValues } from "@/lib/announcements/announcement-form";
import { refusalAt, type QuotaView, type RefusalView } from "@/lib/announcements/quota-view";
import type { ComposeTarget } from "@/lib/messages/targets";
import { serverFieldErrors } from "@/lib/messages/server-errors";
import { queryKeys } from "@/lib/query-keys";
import { SCHEDULE_FIELDS } from "@/lib/scheduler/items/errors";
import type { ScheduleValues } from "@/lib/scheduler/items/schema";
import { DEFAULT_ZIM_LIMITS } from "@/lib/zim/limits";
import { useScheduleSubmit } from "../scheduled/use-schedule-submit";
import { sendAnnouncementAction } from "./actions";
import { announcementPath } from "./announcement-path";
import { announcementFormResolver, type AnnouncementFormValues } from "./announcement-resolver";
import { AudienceSection } from "./audience-section";
import { QuotaMeter } from "./quota-meter";
import { QuotaRefusalText } from "./quota-refusal-text";
import { SenderSection } from "./sender-section";
import { WhenNote } from "./when-note";
import { useAnnouncementQuota } from "./use-announcement-quota";

/**
 * The announcement form: checked live with lib/zim's SendMessageToAllUsers schema and the shared schedule schema,
 * a preview, a draft, the app's quota, and a confirmation that needs the app's name typed. It is sent now, or
 * becomes a scheduled item (at a time, or — on an app that asks for approval — once a second operator approves
 * it), or changes `item`, the scheduled announcement being edited at the version it was opened at.
 */
export function AnnouncementForm({ operatorId, targets, initial, initialSchedule, fresh, initialQuota, approvalApps, item }: {
  operatorId: string;
  targets: ComposeTarget[];
  initial: AnnouncementValues;
  initialSchedule: ScheduleValues;
  fresh: boolean;
  initialQuota?: QuotaView;
  /** Apps whose announcements wait for a second operator's approval. */
  approvalApps: string[];
  item?: { id: string; version: number };
}) {
  const t = useTranslations("announcements");
  const tc = useTranslations("compose");
  const tType = useTranslations("confirmSend");
  const router = useRouter();
  const client = useQueryClient();
  const now = useNow({ updateInterval: 5_000 });
  const limitsFor = (key: string) => targets.find((a) => a.key === key)?.limits ?? DEFAULT_ZIM_LIMITS;
  const defaults: AnnouncementFormValues = { ...initial, schedule: initialSchedule };
  const form = useForm<AnnouncementFormValues>({ defaultValues: defaults, resolver: announcementFormResolver(limitsFor), mode: "onChange" });
  const message = form as unknown as UseFormReturn<AnnouncementValues>;
  // Editing a scheduled item keeps its own draft, apart from the operator's new announcement.
  const draft = useFormDraft<AnnouncementFormValues>("announcement", item ? `${operatorId}:item:${item.id}:v${item.version}` : operatorId, { fresh });
  const values = useWatch({ control: form.control }) as AnnouncementFormValues;
  const target = targets.find((a) => a.key === values.appKey);
  const request = buildAnnouncementRequest(values);
  const quota = useAnnouncementQuota(values.appKey, initialQuota);
  const needsApproval = approvalApps.includes(values.appKey);
  const path = announcementPath({ editing: Boolean(item), mode: values.schedule.mode, needsApproval });
  const [confirming, setConfirming] = useState(0);
  const [refused, setRefused] = useState<(RefusalView & { limit: number; appKey: string }) | null>(null);
  const [reused, setReused] = useState<string | null>(null);
  const send = useAction(sendAnnouncementAction);
  const schedule = useScheduleSubmit(item, draft.key);

  useEffect(() => {
    const restored = draft.load();
    if (restored) form.reset({ ...restored.values, schedule: restored.values.schedule ?? initialSchedule });
    return form.subscribe({ formState: { values: true }, callback: ({ values: v }) => draft.save(v) });
    // Once on mount: the draft is read after hydration, then every change is saved.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Only a send now is held by the quota now; a scheduled one is checked at its own time, one on approval when approved.
  const blocked = path !== "now" ? null
    : refusalAt(refused?.appKey === values.appKey ? refused : null, now) ?? refusalAt(quota.data?.appKey === values.appKey ? quota.data.refusal : null, now);
  const limit = refused?.limit ?? quota.data?.limit ?? target?.broadcastDailyLimit ?? 0;
  const sentence = t("sentence", { app: target?.name ?? "", type: tType(`type.${values.messageType}`), audience: t(`audienceWords.${values.pushType}`) });

  const applyServerErrors = (errors: unknown) => {
    setConfirming(0);
    for (const e of serverFieldErrors(errors, values.messageType)) form.setError(e.path as "root", { type: "server", message: e.message });
  };

  /** A scheduled item (new, or the one being edited): it goes out later, through the dispatcher. */
  const submitItem = async () => {
    const result = await schedule.submit({ kind: "broadcast", appKey: values.appKey, request, schedule: values.schedule });
    if (result.validationErrors) {
      applyServerErrors(result.validationErrors);
      void client.invalidateQueries({ queryKey: queryKeys.announcementQuota(values.appKey) });
      return;
    }
    if (!result.id) return;
    draft.reset();
    router.push(`/scheduled/${result.id}`);
  };

  /** The one way an announcement leaves this form now. */
  const sendNow = async () => {
    const result = await send.executeAsync({ appKey: values.appKey, idempotencyKey: draft.key, request });
    if (result?.validationErrors) return applyServerErrors(result.validationErrors);
    const data = result?.data;
    if (!data) return;
    if ("refused" in data && data.refused) {
      setConfirming(0);
      setRefused({ ...data.refused, appKey: values.appKey });
      void client.invalidateQueries({ queryKey: queryKeys.announcementQuota(values.appKey) });
      return;
    }
    if (!("sent" in data) || !data.sent) return;
    if (data.sent.duplicate && !data.sent.sameContent) {
      setConfirming(0);
      setReused(data.sent.id);
      return;
    }
    draft.reset();
    router.push(`/history/${data.sent.id}`);
  };

  const startOver = () => {
    draft.reset();
    setReused(null);
    // Editing an item starts over from the item as stored; a new announcement from an empty form.
    form.reset(item ? defaults : { ...emptyAnnouncement(targets.length === 1 ? targets[0]!.key : "", targets.length === 1 ? initial.fromUserId : ""), schedule: initialSchedule });
  };

  return (
    <div className={`grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] ${target?.isProduction ? "rounded-lg ring-4 ring-red-600 ring-offset-4 dark:ring-offset-slate-950" : ""}`}>
      <form noValidate aria-label={t("formLabel")} onSubmit={form.handleSubmit(() => setConfirming((n) => n + 1))}
        className="space-y-6 rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
        {draft.restored ? (
          <Notice title={tc("draftRestored")}>
            <Button variant="ghost" className="px-0 underline" onClick={startOver}>{tc("startOver")}</Button>
          </Notice>
        ) : null}
        {reused ? (
          <Notice tone="warning" title={tc("keyUsedTitle")}>
            <p>{tc("keyUsedBody")} <Link className="underline" href={`/history/${reused}`}>{tc("keyUsedLink")}</Link></p>
            <Button variant="secondary" className="mt-2" onClick={() => { draft.rotateKey(); setReused(null); }}>{tc("keyUsedNew")}</Button>
          </Notice>
        ) : null}
        {form.formState.errors.root?.message ? <Notice tone="error">{form.formState.errors.root.message}</Notice> : null}
        <AppSection form={asBodyForm(form)} targets={targets} target={target} productionBody={target ? t("productionBody", { app: target.name }) : undefined} />
        {target ? <QuotaMeter key={target.key} app={target} initial={initialQuota} /> : null}
        <SenderSection form={message} />
        <BodySection form={asBodyForm(form)} limits={limitsFor(values.appKey)} searchable={false} />
        <AudienceSection form={message} />
        {send.result.serverError && !confirming ? <Notice tone="error">{send.result.serverError}</Notice> : null}
        {/* "Now" while editing means "once approved", so it is offered only where approval is asked for (or already chosen). */}
        <ScheduleControl value={values.schedule} allowNow={!item || needsApproval || initialSchedule.mode === "now"} errors={form.formState.errors.schedule}
          onChange={(next) => {
            form.setValue("schedule", next, { shouldDirty: true });
            // Field by field: react-hook-form keeps errors only for the names it validates, and "schedule" has no inputs of its own.
            void form.trigger(SCHEDULE_FIELDS.map((f) => `schedule.${f}` as const));
          }} />
        {needsApproval ? <p data-testid="approval-required" className="text-sm text-slate-700 dark:text-slate-300">{t("approvalRequired")}</p> : null}
        <div className="flex flex-wrap items-start gap-3 border-t border-slate-200 pt-4 dark:border-slate-800">
          <Button type="submit" variant={target?.isProduction ? "danger" : "primary"} disabled={Boolean(blocked)}
            aria-describedby={blocked ? "quota-block" : undefined}>{t(`paths.${path}.review`)}</Button>
          <div aria-live="polite" className="min-w-0 flex-1">
            {blocked ? <QuotaRefusalText id="quota-block" refusal={blocked} limit={limit} /> : null}
          </div>
        </div>
      </form>
      <div className="lg:sticky lg:top-4 lg:self-start">
        <PreviewPanel request={request} appName={target?.name ?? ""} caption={t("bubbleCaption", { sender: request.FromUserId || "—" })}
          requestTitle={t("requestTitle")} pushOff={t("pushOff")} />
      </div>
      <ConfirmDialog key={confirming} open={confirming > 0} title={t(`paths.${path}.title`)} sentence={sentence} production={Boolean(target?.isProduction)}
        appName={target?.name ?? ""} typeAppName pending={send.isPending || schedule.isPending}
        error={path === "now" ? send.result.serverError : schedule.serverError} confirmLabel={t(`paths.${path}.confirm`)}
        onConfirm={() => void (path === "now" ? sendNow() : submitItem())} onCancel={() => setConfirming(0)}>
        {path === "now" ? null : <WhenNote schedule={values.schedule} needsApproval={needsApproval} />}
      </ConfirmDialog>
    </div>
  );
}
