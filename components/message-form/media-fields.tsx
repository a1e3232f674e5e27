"use client";

import { useTranslations } from "next-intl";
import type { UseFormReturn } from "react-hook-form";
import { ByteCounter } from "@/components/zim/byte-counter";
import { countBytes } from "@/lib/messages/byte-count";
import type { BodyValues } from "@/lib/messages/compose-form";
import { MEDIA_FILE_NAME_MAX_BYTES, MEDIA_URL_MAX_BYTES } from "@/lib/zim/limits";
import { ComposeText } from "./compose-field";

type Prefix = "media" | `items.${number}.media`;

/** An image, file, audio or video as form fields: where it is, its name, size and (per type) shape or length. */
export function MediaFields({ form, type, prefix, idPrefix }: { form: UseFormReturn<BodyValues>; type: 11 | 12 | 13 | 14; prefix: Prefix; idPrefix: string }) {
  const t = useTranslations("compose");
  const [url, fileName] = form.watch([`${prefix}.url`, `${prefix}.fileName`]) as [string, string];
  const id = (f: string) => `${idPrefix}-${f}`;
  const text = (field: string, label: string, extra: Partial<Parameters<typeof ComposeText<BodyValues>>[0]> = {}) => (
    <ComposeText form={form} name={`${prefix}.${field}` as `media.url`} id={id(field)} label={label} {...extra} />
  );
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {text("url", type === 11 ? t("imageUrl") : t("fileUrl"), {
        inputMode: "url", counterId: id("url-count"),
        counter: <ByteCounter id={id("url-count")} count={countBytes(url ?? "", MEDIA_URL_MAX_BYTES)} />,
      })}
      {text("fileName", t("fileName"), {
        hint: t("fileNameHint"), counterId: id("name-count"),
        counter: <ByteCounter id={id("name-count")} count={countBytes(fileName ?? "", MEDIA_FILE_NAME_MAX_BYTES)} />,
      })}
      {text("size", t("sizeBytes"), { inputMode: "numeric" })}
      {type === 11 ? (
        <>
          {text("width", t("width"), { inputMode: "numeric" })}
          {text("height", t("height"), { inputMode: "numeric" })}
        </>
      ) : null}
      {type === 13 || type === 14 ? text("duration", t("durationSeconds"), { inputMode: "numeric" }) : null}
      {type === 11 || type === 14 ? (
        <fieldset className="grid gap-4 sm:col-span-2 sm:grid-cols-3">
          <legend className="mb-1 text-sm font-medium">{type === 11 ? t("thumbnail") : t("firstFrame")}</legend>
          {text("thumbUrl", t("thumbUrl"), { inputMode: "url" })}
          {text("thumbWidth", t("thumbWidth"), { inputMode: "numeric" })}
          {text("thumbHeight", t("thumbHeight"), { inputMode: "numeric" })}
        </fieldset>
      ) : null}
      {text("uid", t("uid"), { hint: t("uidHint") })}
    </div>
  );
}
