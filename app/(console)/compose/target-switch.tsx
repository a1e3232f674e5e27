"use client";

import { useTranslations } from "next-intl";
import type { TargetMode } from "./composer-resolver";

const MODES: TargetMode[] = ["one", "many"];

/** "One group" or "Many groups": the same message, to one group now, or to a list of groups at the app's limit. */
export function TargetSwitch({ value, onChange }: { value: TargetMode; onChange: (mode: TargetMode) => void }) {
  const t = useTranslations("bulkCompose");
  return (
    <fieldset className="space-y-2">
      <legend className="text-base font-semibold">{t("sendTo")}</legend>
      <div className="inline-flex rounded-md border border-slate-300 p-0.5 dark:border-slate-700">
        {MODES.map((mode) => (
          <label key={mode}
            className={`flex cursor-pointer items-center gap-2 rounded px-3 py-1.5 text-sm font-medium has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600 ${
              value === mode ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"}`}>
            <input type="radio" name="c-target" value={mode} className="sr-only" checked={value === mode} onChange={() => onChange(mode)} />
            {t(`modes.${mode}`)}
          </label>
        ))}
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">{t(`modeHints.${value}`)}</p>
    </fieldset>
  );
}
