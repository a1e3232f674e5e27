"use client";

import { useTranslations } from "next-intl";
import type { UseFormReturn } from "react-hook-form";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { ByteCounter } from "@/components/zim/byte-counter";
import { countBytes, countCommandBytes } from "@/lib/messages/byte-count";
import type { BodyValues } from "@/lib/messages/compose-form";
import type { ZimLimits } from "@/lib/zim/limits";
import { ComposeText, describe, useError } from "./compose-field";

/**
 * Text (1), command (2) and custom (200) messages: the content, and what each type adds. `searchable` is false
 * where the Action has no SearchedContent (SendMessageToAllUsers).
 */
export function TextBody({ form, limits, searchable = true }: { form: UseFormReturn<BodyValues>; limits: ZimLimits; searchable?: boolean }) {
  const t = useTranslations("compose");
  const [type, text, isBase64, searched] = form.watch(["messageType", "text", "isBase64", "searchedContent"]);
  const count = type === 2 ? countCommandBytes(text, isBase64, limits.messageBytes) : countBytes(text, limits.messageBytes);
  const base64Error = useError(form, "isBase64");
  const label = type === 2 ? t("commandContent") : type === 200 ? t("customContent") : t("message");
  return (
    <div className="space-y-4">
      <ComposeText form={form} name="text" id="c-text" label={label} rows={5} counterId="c-text-count"
        hint={type === 2 ? t("commandHint") : type === 200 ? t("customHint") : undefined}
        counter={<ByteCounter id="c-text-count" count={count} label={type === 2 && isBase64 ? t("decodedSize") : undefined} />} />
      {type === 2 ? (
        <div className="space-y-1">
          <CheckboxField id="c-base64" label={t("base64")} aria-describedby={describe("c-base64", base64Error, true)} {...form.register("isBase64")} />
          <p id="c-base64-hint" className="text-xs text-slate-600 dark:text-slate-400">{t("base64Hint")}</p>
          {base64Error ? <p id="c-base64-error" role="alert" className="text-xs font-medium text-red-700 dark:text-red-400">{base64Error}</p> : null}
          {"invalidBase64" in count && count.invalidBase64 ? <p className="text-xs font-medium text-red-700 dark:text-red-400">{t("notBase64")}</p> : null}
        </div>
      ) : null}
      {type === 200 ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <ComposeText form={form} name="subMsgType" id="c-sub" label={t("subMsgType")} hint={t("subMsgTypeHint")} inputMode="numeric" />
          {searchable ? (
            <ComposeText form={form} name="searchedContent" id="c-search" label={t("searchedContent")} hint={t("searchedContentHint")}
              counterId="c-search-count" counter={<ByteCounter id="c-search-count" count={countBytes(searched, limits.searchedContentBytes)} />} />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** ExtendedData: free text your app reads, any type, up to 1 KB (D4). */
export function ExtendedDataField({ form, limits }: { form: UseFormReturn<BodyValues>; limits: ZimLimits }) {
  const t = useTranslations("compose");
  const value = form.watch("extendedData");
  return (
    <ComposeText form={form} name="extendedData" id="c-ext" label={t("extendedData")} hint={t("extendedDataHint")} rows={2}
      counterId="c-ext-count" counter={<ByteCounter id="c-ext-count" count={countBytes(value, limits.extendedDataBytes)} />} />
  );
}
