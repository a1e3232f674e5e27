"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

/**
 * A modal confirmation (native <dialog>: focus moves in, Escape cancels, the page behind is inert). For a
 * production app the operator must also tick that real users will receive it; with `typeAppName` (a message to
 * every user) they must type the app's name exactly before the button enables.
 */
export function ConfirmDialog({ open, title, sentence, production, appName, typeAppName, pending, error, confirmLabel, onConfirm, onCancel, children }: {
  open: boolean;
  title: string;
  sentence: string;
  production: boolean;
  appName: string;
  typeAppName?: boolean;
  pending: boolean;
  error?: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const t = useTranslations("compose");
  const ref = useRef<HTMLDialogElement>(null);
  const [acknowledged, setAcknowledged] = useState(false);
  const [typed, setTyped] = useState("");
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const named = !typeAppName || typed === appName;
  // The name is typed again each time the dialog opens: a confirmation carried over is no confirmation.
  const cancel = () => {
    setTyped("");
    onCancel();
  };
  return (
    <dialog ref={ref} aria-labelledby="confirm-title" aria-describedby="confirm-sentence" onCancel={(e) => { e.preventDefault(); if (!pending) cancel(); }}
      className={`m-auto w-[min(40rem,calc(100vw-2rem))] rounded-lg border-2 bg-white p-6 text-slate-900 backdrop:bg-slate-900/60 dark:bg-slate-900 dark:text-slate-100 ${production ? "border-red-600" : "border-slate-300 dark:border-slate-700"}`}>
      <h2 id="confirm-title" className="text-lg font-bold">{title}</h2>
      <p id="confirm-sentence" data-testid="confirm-sentence" className="mt-3 text-base">{sentence}</p>
      {children}
      {production ? (
        <label className="mt-4 flex items-start gap-2 rounded-md bg-red-50 p-3 text-sm font-medium text-red-900 dark:bg-red-950 dark:text-red-100">
          <input type="checkbox" className="mt-0.5 size-4" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} />
          {t("productionAck", { app: appName })}
        </label>
      ) : null}
      {typeAppName ? (
        <div className="mt-4 space-y-1">
          <label htmlFor="confirm-app-name" className="block text-sm font-medium">{t("typeAppName", { app: appName })}</label>
          <Input id="confirm-app-name" autoComplete="off" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)}
            aria-describedby="confirm-app-name-hint" />
          <p id="confirm-app-name-hint" className="text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
            {named ? t("typeAppNameDone") : t("typeAppNameHint")}
          </p>
        </div>
      ) : null}
      {error ? <div className="mt-4"><Notice tone="error">{error}</Notice></div> : null}
      <div className="mt-6 flex justify-end gap-2">
        <Button variant="secondary" onClick={cancel} disabled={pending}>{t("cancel")}</Button>
        <Button variant={production ? "danger" : "primary"} onClick={onConfirm} disabled={pending || (production && !acknowledged) || !named}>
          {pending ? t("sending") : confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
