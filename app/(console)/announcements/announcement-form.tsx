"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useAction } from "next-safe-action/hooks";
import { useNow, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { AppSection } from "@/components/message-form/app-section";
import { asBodyForm } from "@/components/message-form/body-form";
import { BodySection } from "@/components/message-form/body-section";
import { PreviewPanel } from "@/components/message-form/preview-panel";
import { useFormDraft } from "@/components/message-form/use-form-draft";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ConfirmDialog } from "@/components/zim/confirm-dialog";
import { buildAnnouncementRequest, emptyAnnouncement, type AnnouncementValues } from "@/lib/announcements/announcement-form";
import { announcementResolver } from "@/lib/announcements/announcement-validation";
import { refusalAt, type QuotaView, type RefusalView } from "@/lib/announcements/quota-view";
import type { ComposeTarget } from "@/lib/messages/targets";
import { serverFieldErrors } from "@/lib/messages/server-errors";
import { queryKeys } from "@/lib/query-keys";
import { DEFAULT_ZIM_LIMITS } from "@/lib/zim/limits";
import { sendAnnouncementAction } from "./actions";
import { AudienceSection } from "./audience-section";
import { QuotaMeter } from "./quota-meter";
import { QuotaRefusalText } from "./quota-refusal-text";
import { SenderSection } from "./sender-section";
import { useAnnouncementQuota } from "./use-announcement-quota";

/**
 * The announcement form: checked live with lib/zim's SendMessageToAllUsers schema, a preview, a draft, the
 * app's quota, and a confirmation that needs the app's name typed. Every send goes through `deliver`: a
 * "when: now / later" choice goes beside the button and branches there.
 */
export function AnnouncementForm({ operatorId, targets, initial, fresh, initialQuota }: {
  operatorId: string;
  targets: ComposeTarget[];
  initial: AnnouncementValues;
  fresh: boolean;
  initialQuota?: QuotaView;
}) {
  const t = useTranslations("announcements");
  const tc = useTranslations("compose");
  const tType = useTranslations("confirmSend");
  const router = useRouter();
  const client = useQueryClient();
  const now = useNow({ updateInterval: 5_000 });
  const limitsFor = (key: string) => targets.find((a) => a.key === key)?.limits ?? DEFAULT_ZIM_LIMITS;
  const form = useForm<AnnouncementValues>({ defaultValues: initial, resolver: announcementResolver(limitsFor), mode: "onChange" });
  const draft = useFormDraft<AnnouncementValues>("announcement", operatorId, { fresh });
  const values = useWatch({ control: form.control }) as AnnouncementValues;
  const target = targets.find((a) => a.key === values.appKey);
  const request = buildAnnouncementRequest(values);
  const quota = useAnnouncementQuota(values.appKey, initialQuota);
  const [confirming, setConfirming] = useState(0);
  const [refused, setRefused] = useState<(RefusalView & { limit: number; appKey: string }) | null>(null);
  const [reused, setReused] = useState<string | null>(null);
  const send = useAction(sendAnnouncementAction);

  useEffect(() => {
    const restored = draft.load();
    if (restored) form.reset(restored.values);
    return form.subscribe({ formState: { values: true }, callback: ({ values: v }) => draft.save(v) });
    // Once on mount: the draft is read after hydration, then every change is saved.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const blocked = refusalAt(refused?.appKey === values.appKey ? refused : null, now) ?? refusalAt(quota.data?.appKey === values.appKey ? quota.data.refusal : null, now);
  const limit = refused?.limit ?? quota.data?.limit ?? target?.broadcastDailyLimit ?? 0;
  const sentence = t("sentence", { app: target?.name ?? "", type: tType(`type.${values.messageType}`), audience: t(`audienceWords.${values.pushType}`) });

  /** The one way an announcement leaves this form. */
  const deliver = async () => {
    const result = await send.executeAsync({ appKey: values.appKey, idempotencyKey: draft.key, request });
    if (result?.validationErrors) {
      setConfirming(0);
      for (const e of serverFieldErrors(result.validationErrors, values.messageType)) form.setError(e.path as "root", { type: "server", message: e.message });
      return;
    }
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
    form.reset(emptyAnnouncement(targets.length === 1 ? targets[0]!.key : "", targets.length === 1 ? initial.fromUserId : ""));
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
        <SenderSection form={form} />
        <BodySection form={asBodyForm(form)} limits={limitsFor(values.appKey)} searchable={false} />
        <AudienceSection form={form} />
        {send.result.serverError && !confirming ? <Notice tone="error">{send.result.serverError}</Notice> : null}
        <div className="flex flex-wrap items-start gap-3 border-t border-slate-200 pt-4 dark:border-slate-800">
          <Button type="submit" variant={target?.isProduction ? "danger" : "primary"} disabled={Boolean(blocked)}
            aria-describedby={blocked ? "quota-block" : undefined}>{t("review")}</Button>
          <div aria-live="polite" className="min-w-0 flex-1">
            {blocked ? <QuotaRefusalText id="quota-block" refusal={blocked} limit={limit} /> : null}
          </div>
        </div>
      </form>
      <div className="lg:sticky lg:top-4 lg:self-start">
        <PreviewPanel request={request} appName={target?.name ?? ""} caption={t("bubbleCaption", { sender: request.FromUserId || "—" })}
          requestTitle={t("requestTitle")} pushOff={t("pushOff")} />
      </div>
      <ConfirmDialog key={confirming} open={confirming > 0} title={t("confirmTitle")} sentence={sentence} production={Boolean(target?.isProduction)}
        appName={target?.name ?? ""} typeAppName pending={send.isPending} error={send.result.serverError} confirmLabel={t("sendNow")}
        onConfirm={() => void deliver()} onCancel={() => setConfirming(0)} />
    </div>
  );
}
