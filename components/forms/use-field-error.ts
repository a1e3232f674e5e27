"use client";

import { useTranslations } from "next-intl";

/**
 * Turns a field's error into the operator's language. Schemas carry catalog keys ("required", "email"); errors
 * the server already wrote out (a wrong password) arrive as sentences and are shown as they are.
 */
export function useFieldError() {
  const t = useTranslations("validation");
  return (error: { message?: string } | undefined): string | undefined => {
    const message = error?.message;
    if (!message) return undefined;
    return t.has(message) ? t(message) : message;
  };
}
