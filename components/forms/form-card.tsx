import type { FormEventHandler, ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

/** A titled form panel with its server error on top and one submit button: the shape of every small form. */
export function FormCard({ title, onSubmit, serverError, success, pending, submitLabel, children }: {
  title: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  serverError?: string;
  success?: string | null;
  pending: boolean;
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <form onSubmit={onSubmit} noValidate aria-label={title}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
      <h2 className="font-semibold">{title}</h2>
      {serverError ? <Notice tone="error">{serverError}</Notice> : null}
      {success ? <Notice tone="success">{success}</Notice> : null}
      {children}
      <Button type="submit" disabled={pending}>{submitLabel}</Button>
    </form>
  );
}
