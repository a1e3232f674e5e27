"use client";

import { useTranslations } from "next-intl";

/**
 * A schedule field's error in the operator's language. The shared schema carries keys of the "scheduleErrors"
 * catalog; a refusal the server already put into words (a full quota, with its times) arrives as a sentence.
 */
export function useScheduleError() {
  const t = useTranslations("scheduleErrors");
  return (message: string | undefined): string | undefined => {
    if (!message) return undefined;
    const key = message.startsWith("scheduleErrors.") ? message.slice("scheduleErrors.".length) : message;
    return t.has(key) ? t(key) : message;
  };
}
