"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { Field, Input, Select } from "@/components/ui/field";
import { BULK_TARGET_STATUSES } from "@/lib/bulk/status";
import type { BulkTargetFilters } from "@/lib/bulk/types";

/**
 * A plain GET form: the filters live in the URL, so a filtered view survives a reload and can be shared. Applying
 * filters starts again from the first page.
 */
export function TargetFilterForm({ id, filters }: { id: string; filters: BulkTargetFilters }) {
  const t = useTranslations("bulk");
  const tr = useTranslations("sendResult");
  const label = (s: (typeof BULK_TARGET_STATUSES)[number]) => (s === "pending" || s === "cancelled" || s === "sending" ? t(`targetStatus.${s}`) : tr(`status.${s}`));
  return (
    <form method="get" action={`/bulk/${id}`} aria-label={t("filters")}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5 dark:border-slate-800 dark:bg-slate-900">
      <Field id="bf-status" label={t("filterStatus")}>
        <Select id="bf-status" name="status" defaultValue={filters.status ?? ""}>
          <option value="">{t("any")}</option>
          <option value="failed">{t("failedAny")}</option>
          {BULK_TARGET_STATUSES.map((s) => <option key={s} value={s}>{label(s)}</option>)}
        </Select>
      </Field>
      <Field id="bf-code" label={t("filterCode")}>
        <Input id="bf-code" name="code" inputMode="numeric" autoComplete="off" defaultValue={filters.code ?? ""} />
      </Field>
      <Field id="bf-q" label={t("filterSearch")}>
        <Input id="bf-q" name="q" autoComplete="off" defaultValue={filters.search ?? ""} />
      </Field>
      <div className="flex items-end pb-2">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="audit" value="1" className="size-4" defaultChecked={filters.auditFailures} />
          {t("filterAudit")}
        </label>
      </div>
      <div className="flex items-end gap-2">
        <button type="submit" className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">{t("apply")}</button>
        <Link href={`/bulk/${id}`} className="px-2 py-2 text-sm underline">{t("clear")}</Link>
      </div>
    </form>
  );
}
