"use client";

import { useLocale, useTranslations } from "next-intl";
import { translateZimIssue } from "@/lib/messages/zim-issues";

/** A field error of the composer in the operator's language (lib/zim's sentences via the "zimIssues" catalog). */
export function useZimError() {
  const locale = useLocale();
  const t = useTranslations("zimIssues");
  return (error: { message?: string } | undefined): string | undefined =>
    error?.message ? translateZimIssue(error.message, locale, (key, values) => t(key, values)) : undefined;
}
