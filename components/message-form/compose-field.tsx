"use client";

import { get, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import type { ReactNode } from "react";
import { Field, Input } from "@/components/ui/field";
import { useZimError } from "./use-zim-error";

export const TEXTAREA =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm dark:border-slate-700 dark:bg-slate-900 " +
  "aria-[invalid=true]:border-red-600 dark:aria-[invalid=true]:border-red-400";

/** The ids a control is described by: its error (or hint) and its byte counter. */
export function describe(id: string, error?: string, hint?: ReactNode, counterId?: string): string | undefined {
  const ids = [error ? `${id}-error` : hint ? `${id}-hint` : undefined, counterId].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function useError<V extends FieldValues>(form: UseFormReturn<V>, name: string): string | undefined {
  const translate = useZimError();
  return translate(get(form.formState.errors, name) as { message?: string } | undefined);
}

/** One labelled text control of a message form, its error beside it (translated) and an optional counter below. */
export function ComposeText<V extends FieldValues>({ form, name, id, label, hint, counter, counterId, rows, inputMode, placeholder, list }: {
  form: UseFormReturn<V>;
  name: Path<V>;
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  counter?: ReactNode;
  counterId?: string;
  rows?: number;
  inputMode?: "numeric" | "text" | "url";
  placeholder?: string;
  list?: string;
}) {
  const error = useError(form, name);
  const describedBy = describe(id, error, hint, counter ? counterId : undefined);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {rows ? (
        <textarea id={id} rows={rows} className={TEXTAREA} aria-invalid={error ? true : undefined} aria-describedby={describedBy}
          placeholder={placeholder} {...form.register(name)} />
      ) : (
        <Input id={id} inputMode={inputMode} invalid={!!error} aria-describedby={describedBy} placeholder={placeholder}
          autoComplete="off" list={list} {...form.register(name)} />
      )}
      {counter}
    </Field>
  );
}
