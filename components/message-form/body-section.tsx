"use client";

import { useTranslations } from "next-intl";
import type { UseFormReturn } from "react-hook-form";
import { ByteCounter } from "@/components/zim/byte-counter";
import { countBytes } from "@/lib/messages/byte-count";
import { messageText, type BodyValues } from "@/lib/messages/compose-form";
import type { ZimLimits } from "@/lib/zim/limits";
import { useError } from "./compose-field";
import { MediaFields } from "./media-fields";
import { MultiItemFields } from "./multi-item-fields";
import { ExtendedDataField, TextBody } from "./text-body";

/** The body of the chosen type as a form; the JSON ZIM wants is built from it (see the preview). */
export function BodySection({ form, limits, searchable }: { form: UseFormReturn<BodyValues>; limits: ZimLimits; searchable?: boolean }) {
  const t = useTranslations("compose");
  const type = form.watch("messageType");
  const mediaError = useError(form, "media.root");
  const media = type >= 11 && type <= 14;
  return (
    <fieldset className="space-y-4">
      <legend className="text-base font-semibold">{t("content")}</legend>
      {type === 1 || type === 2 || type === 200 ? <TextBody form={form} limits={limits} searchable={searchable} /> : null}
      {media ? (
        <>
          <MediaFields form={form} type={type as 11 | 12 | 13 | 14} prefix="media" idPrefix="c-media" />
          <ByteCounter id="c-media-count" label={t("wholeMessage")} count={countBytes(messageText(form.getValues()), limits.messageBytes)} />
          {mediaError ? <p role="alert" className="text-xs font-medium text-red-700 dark:text-red-400">{mediaError}</p> : null}
        </>
      ) : null}
      {type === 10 ? <MultiItemFields form={form} limits={limits} /> : null}
      <ExtendedDataField form={form} limits={limits} />
    </fieldset>
  );
}
