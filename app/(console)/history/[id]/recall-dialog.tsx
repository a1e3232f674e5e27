"use client";

import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { Field, Input } from "@/components/ui/field";
import { ByteCounter } from "@/components/zim/byte-counter";
import { countBytes } from "@/lib/messages/byte-count";
import { RECALL_PAYLOAD_MAX_BYTES } from "@/lib/messages/send-input";
import type { SendView } from "@/lib/messages/view";
import { ConfirmDialog } from "@/components/zim/confirm-dialog";
import { recallAction } from "../actions";

/** Confirms a recall, with the optional recall note (Payload, ≤ 200 bytes) and an offline push about it. */
export function RecallDialog({ open, send, onClose, onDone }: { open: boolean; send: SendView; onClose: () => void; onDone: () => void }) {
  const t = useTranslations("sendResult");
  const [payload, setPayload] = useState("");
  const [push, setPush] = useState(false);
  const [title, setTitle] = useState("");
  const [content, setContent] = useState("");
  const action = useAction(recallAction, { onSuccess: onDone });
  const payloadError = action.result.validationErrors?.payload?._errors?.[0];
  const count = countBytes(payload, RECALL_PAYLOAD_MAX_BYTES);
  return (
    <ConfirmDialog open={open} title={t("recallConfirmTitle")} production={send.isProduction} appName={send.appName}
      sentence={t("recallSentence", { seq: send.msgSeq ?? 0, group: send.groupId ?? "", app: send.appName })}
      pending={action.isPending} error={action.result.serverError} confirmLabel={t("recallNow")} onCancel={onClose}
      onConfirm={() => action.execute({ id: send.id, payload: payload || undefined, push: push ? { title, content, payload: "" } : undefined })}>
      <div className="mt-4 space-y-3">
        <Field id="rc-payload" label={t("recallPayload")} hint={t("recallPayloadHint")} error={payloadError}>
          <Input id="rc-payload" value={payload} invalid={!!payloadError || count.over} onChange={(e) => setPayload(e.target.value)}
            aria-describedby={`${payloadError ? "rc-payload-error" : "rc-payload-hint"} rc-payload-count`} />
          <ByteCounter id="rc-payload-count" count={count} />
        </Field>
        <CheckboxField id="rc-push" label={t("recallPush")} checked={push} onChange={(e) => setPush(e.target.checked)} />
        {push ? (
          <div className="grid gap-3 sm:grid-cols-2">
            <Field id="rc-title" label={t("recallPushTitle")}><Input id="rc-title" value={title} onChange={(e) => setTitle(e.target.value)} /></Field>
            <Field id="rc-content" label={t("recallPushContent")}><Input id="rc-content" value={content} onChange={(e) => setContent(e.target.value)} /></Field>
          </div>
        ) : null}
      </div>
    </ConfirmDialog>
  );
}
