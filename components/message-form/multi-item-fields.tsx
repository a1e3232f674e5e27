"use client";

import { useTranslations } from "next-intl";
import { useFieldArray, type UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { ByteCounter } from "@/components/zim/byte-counter";
import { countBytes } from "@/lib/messages/byte-count";
import { emptyItem, messageText, type BodyValues } from "@/lib/messages/compose-form";
import { MULTI_MSG_MAX_ITEMS, type ZimLimits } from "@/lib/zim/limits";
import { MULTI_ITEM_TYPES, type MultiItemType } from "@/lib/zim/message-types";
import { ComposeText, useError } from "./compose-field";
import { MediaFields } from "./media-fields";

/** A multi-item message: up to 20 items of text, custom or media, with the whole message's size live. */
export function MultiItemFields({ form, limits }: { form: UseFormReturn<BodyValues>; limits: ZimLimits }) {
  const t = useTranslations("compose");
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "items" });
  const values = form.watch();
  const rootError = useError(form, "items.root");
  return (
    <div className="space-y-4">
      <ByteCounter id="c-items-count" label={t("wholeMessage")} count={countBytes(messageText(values), limits.multiItemMessageBytes)} />
      {rootError ? <p role="alert" className="text-xs font-medium text-red-700 dark:text-red-400">{rootError}</p> : null}
      <ol className="space-y-4">
        {fields.map((field, i) => {
          const type = values.items[i]?.msgType ?? 1;
          const id = `c-item-${i}`;
          return (
            <li key={field.id} className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700">
              <div className="flex flex-wrap items-end justify-between gap-2">
                <Field id={`${id}-type`} label={t("itemType", { n: i + 1 })}>
                  <Select id={`${id}-type`} value={type}
                    onChange={(e) => form.setValue(`items.${i}.msgType`, Number(e.target.value) as MultiItemType, { shouldDirty: true })}>
                    {MULTI_ITEM_TYPES.map((m) => <option key={m} value={m}>{t(`types.${m}`)}</option>)}
                  </Select>
                </Field>
                <Button variant="ghost" disabled={fields.length === 1} onClick={() => remove(i)}>{t("removeItem", { n: i + 1 })}</Button>
              </div>
              {type === 1 || type === 200 ? (
                <ComposeText form={form} name={`items.${i}.text`} id={`${id}-text`} label={t("itemText", { n: i + 1 })} rows={2} />
              ) : (
                <MediaFields form={form} type={type} prefix={`items.${i}.media`} idPrefix={id} />
              )}
              {type === 200 ? (
                <div className="grid gap-4 sm:grid-cols-2">
                  <ComposeText form={form} name={`items.${i}.subMsgType`} id={`${id}-sub`} label={t("subMsgType")} inputMode="numeric" />
                  <ComposeText form={form} name={`items.${i}.searchedContent`} id={`${id}-search`} label={t("searchedContent")} counterId={`${id}-search-count`}
                    counter={<ByteCounter id={`${id}-search-count`} count={countBytes(values.items[i]?.searchedContent ?? "", limits.searchedContentBytes)} />} />
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      <Button variant="secondary" disabled={fields.length >= MULTI_MSG_MAX_ITEMS} onClick={() => append(emptyItem())}>
        {t("addItem", { left: MULTI_MSG_MAX_ITEMS - fields.length })}
      </Button>
    </div>
  );
}
