"use client";

import Papa from "papaparse";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import type { UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { ComposeValues, RecipientMode } from "@/lib/messages/compose-form";
import type { MemberList } from "@/lib/messages/group-directory";
import { idsFromTable, parseRecipients } from "@/lib/messages/recipients";
import { TEXTAREA, describe, useError } from "@/components/message-form/compose-field";
import { MemberPicker } from "./member-picker";
import { useZimError } from "@/components/message-form/use-zim-error";

const MODES: RecipientMode[] = ["all", "only", "except"];

/**
 * Whole group, only these members, or everyone but these: pasted, uploaded or picked from the group. With many
 * groups (`many`) the same list applies in each group, and there is no one group to pick members from.
 */
export function RecipientsSection({ form, members, many = false }: { form: UseFormReturn<ComposeValues>; members?: MemberList; many?: boolean }) {
  const t = useTranslations("compose");
  const tBulk = useTranslations("bulkCompose");
  const translate = useZimError();
  const file = useRef<HTMLInputElement>(null);
  const [mode, text, from] = form.watch(["recipientMode", "recipientsText", "fromUserId"]);
  const list = parseRecipients(text);
  const error = useError(form, "recipientsText");
  const known = members && !members.problem && !members.truncated ? new Set(members.members.map((m) => m.UserId)) : undefined;
  const strangers = known ? list.ids.filter((id) => !known.has(id)) : [];

  const addIds = (ids: string[]) => {
    const current = form.getValues("recipientsText").trimEnd();
    form.setValue("recipientsText", [current, ...ids].filter(Boolean).join("\n"), { shouldDirty: true, shouldValidate: true });
  };
  const readFile = async (f: File) => {
    const content = await f.text();
    const rows = f.name.toLowerCase().endsWith(".csv") ? Papa.parse<string[]>(content, { skipEmptyLines: true }).data : content.split(/\r?\n/).map((l) => [l]);
    addIds(idsFromTable(rows));
  };

  return (
    <fieldset className="space-y-3">
      <legend className="text-base font-semibold">{t("recipients")}</legend>
      <div className="flex flex-wrap gap-4">
        {MODES.map((m) => (
          <label key={m} className="flex items-center gap-2 text-sm">
            <input type="radio" value={m} {...form.register("recipientMode")} />
            {t(`modes.${m}`)}
          </label>
        ))}
      </div>
      {mode !== "all" ? (
        <>
          <Notice>{t("targetedNote")}</Notice>
          <div className="space-y-1">
            <label htmlFor="c-recipients" className="block text-sm font-medium">{mode === "only" ? t("onlyList") : t("exceptList")}</label>
            <textarea id="c-recipients" rows={6} className={TEXTAREA} aria-invalid={error ? true : undefined}
              aria-describedby={describe("c-recipients", error, true, "c-recipients-count")} {...form.register("recipientsText")} />
            <p id="c-recipients-hint" className="text-xs text-slate-600 dark:text-slate-400">{t("recipientsHint")}</p>
            {error ? <p id="c-recipients-error" role="alert" className="text-xs font-medium text-red-700 dark:text-red-400">{error}</p> : null}
            <p id="c-recipients-count" data-testid="recipient-count" className="text-sm">
              {t("recipientCount", { count: list.ids.length, invalid: list.invalid.length, duplicates: list.duplicates })}
            </p>
          </div>
          {list.invalid.length > 1 ? (
            <ul aria-label={t("invalidIds")} className="max-h-40 overflow-auto text-xs text-red-700 dark:text-red-400">
              {list.invalid.map((i) => <li key={`${i.line}-${i.id}`}>{translate({ message: `Line ${i.line}: ${i.message}` })}</li>)}
            </ul>
          ) : null}
          {list.ids.includes(from.trim()) ? <p className="text-xs font-medium text-red-700 dark:text-red-400">{t("senderListed")}</p> : null}
          {strangers.length > 0 ? <Notice tone="warning">{t("notMembers", { count: strangers.length, ids: strangers.slice(0, 10).join(", ") })}</Notice> : null}
          <div className="flex flex-wrap items-center gap-2">
            <Button variant="secondary" onClick={() => file.current?.click()}>{t("loadFile")}</Button>
            <input ref={file} type="file" accept=".csv,.txt,text/csv,text/plain" className="sr-only" aria-label={t("loadFile")} tabIndex={-1}
              onChange={(e) => { const f = e.target.files?.[0]; if (f) void readFile(f); e.target.value = ""; }} />
            <Button variant="ghost" disabled={list.invalid.length + list.duplicates === 0}
              onClick={() => form.setValue("recipientsText", list.ids.join("\n"), { shouldDirty: true, shouldValidate: true })}>
              {t("cleanList")}
            </Button>
          </div>
          {many ? (
            <p data-testid="no-member-picker" className="text-xs text-slate-600 dark:text-slate-400">{tBulk("noMemberPicker")}</p>
          ) : (
            <MemberPicker members={members} listed={list.ids} sender={from.trim()} onAdd={addIds} />
          )}
        </>
      ) : null}
    </fieldset>
  );
}
