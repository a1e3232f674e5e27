"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useWatch, type UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { TEXTAREA, useError } from "@/components/message-form/compose-field";
import { useZimError } from "@/components/message-form/use-zim-error";
import { MAX_BULK_GROUPS } from "@/lib/bulk/types";
import { readGroupList } from "../bulk/bulk-input";
import { BulkEstimate } from "./bulk-estimate";
import type { ComposerValues } from "./composer-resolver";
import { MAX_GROUP_FILE_BYTES, readGroupFile } from "./group-file";

/** Invalid lines listed one by one; a list with thousands of bad lines says how many more there are. */
const SHOWN_INVALID = 20;

/**
 * The groups of a send to many groups: pasted, or loaded from a CSV or text file, read live as the create action
 * will read it — how many groups, repeats removed, each invalid line with its reason — and how long it takes at
 * the app's limit, all before anything is sent.
 */
export function GroupListSection({ form, perSecond }: { form: UseFormReturn<ComposerValues>; perSecond: number }) {
  const t = useTranslations("bulkCompose");
  const translate = useZimError();
  const file = useRef<HTMLInputElement>(null);
  const [fileProblem, setFileProblem] = useState<string>();
  const text = useWatch({ control: form.control, name: "groupsText" }) ?? "";
  const list = readGroupList(text);
  const error = useError(form, "groupsText");
  const hidden = list.invalid.length - SHOWN_INVALID;

  const load = async (f: File) => {
    // The size first: a large file is refused before it is read into memory.
    const reading = f.size > MAX_GROUP_FILE_BYTES ? ({ ok: false, problem: "tooLarge" } as const) : readGroupFile(new Uint8Array(await f.arrayBuffer()));
    if (!reading.ok) {
      setFileProblem(t(`fileProblems.${reading.problem}`, { name: f.name, max: MAX_GROUP_FILE_BYTES / 1024 / 1024 }));
      return;
    }
    setFileProblem(undefined);
    form.setValue("groupsText", reading.text, { shouldDirty: true, shouldValidate: true });
  };

  const describedBy = [error ? "c-groups-error" : "c-groups-hint", fileProblem ? "c-groups-file-error" : "", "c-groups-count"].filter(Boolean).join(" ");
  return (
    <fieldset className="space-y-3" data-testid="group-list">
      <legend className="text-base font-semibold">{t("groups")}</legend>
      <div className="space-y-1">
        <label htmlFor="c-groups" className="block text-sm font-medium">{t("groupIds")}</label>
        <textarea id="c-groups" rows={8} spellCheck={false} className={`${TEXTAREA} font-mono`} aria-invalid={error || fileProblem ? true : undefined}
          aria-describedby={describedBy} {...form.register("groupsText")} />
        <p id="c-groups-hint" className="text-xs text-slate-600 dark:text-slate-400">{t("groupIdsHint", { max: MAX_BULK_GROUPS })}</p>
        {error ? <p id="c-groups-error" role="alert" className="text-xs font-medium text-red-700 dark:text-red-400">{error}</p> : null}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" onClick={() => file.current?.click()}>{t("loadFile")}</Button>
        <input ref={file} type="file" accept=".csv,.txt,text/csv,text/plain" className="sr-only" aria-label={t("loadFile")} tabIndex={-1}
          aria-describedby={fileProblem ? "c-groups-file-error" : undefined}
          onChange={(e) => { const f = e.target.files?.[0]; if (f) void load(f); e.target.value = ""; }} />
        <Button variant="ghost" disabled={list.overMax || list.invalid.length + list.duplicates === 0}
          onClick={() => form.setValue("groupsText", list.ids.join("\n"), { shouldDirty: true, shouldValidate: true })}>
          {t("keepValid")}
        </Button>
      </div>
      {fileProblem ? <p id="c-groups-file-error" role="alert" data-testid="group-file-error" className="text-sm font-medium text-red-700 dark:text-red-400">{fileProblem}</p> : null}
      <div id="c-groups-count" aria-live="polite" className="space-y-1 text-sm">
        <p data-testid="group-count">
          {t("count", { count: list.ids.length, duplicates: list.duplicates, invalid: list.invalid.length })}
        </p>
        {list.ids.length > 0 && !list.overMax ? (
          <BulkEstimate count={list.ids.length} perSecond={perSecond} testId="bulk-estimate" className="text-slate-600 dark:text-slate-400" />
        ) : null}
      </div>
      {list.invalid.length > 0 ? (
        <div className="rounded-md border border-red-200 p-3 dark:border-red-900">
          <p id="c-groups-invalid" className="text-sm font-medium">{t("invalidTitle", { count: list.invalid.length })}</p>
          <ul aria-labelledby="c-groups-invalid" data-testid="invalid-lines" className="mt-1 max-h-48 space-y-0.5 overflow-auto text-xs text-red-700 dark:text-red-400">
            {list.invalid.slice(0, SHOWN_INVALID).map((i, n) => (
              <li key={`${i.line}-${n}`}>{t("invalidLine", { line: i.line, value: i.value, reason: translate({ message: i.reason }) ?? i.reason })}</li>
            ))}
          </ul>
          {hidden > 0 ? <p className="mt-1 text-xs">{t("invalidMore", { count: hidden })}</p> : null}
        </div>
      ) : null}
    </fieldset>
  );
}
