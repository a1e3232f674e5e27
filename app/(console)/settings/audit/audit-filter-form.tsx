import { getTranslations } from "next-intl/server";
import { Field, Input, Select } from "@/components/ui/field";
import type { AuditFilters } from "@/lib/audit/filters";

/** A plain GET form: the filters live in the URL, so a filtered view can be bookmarked and shared. */
export async function AuditFilterForm({ filters }: { filters: AuditFilters }) {
  const t = await getTranslations("audit");
  return (
    <form method="get" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6 dark:border-slate-800 dark:bg-slate-900">
      <Field id="f-action" label={t("action")}>
        <Input id="f-action" name="action" defaultValue={filters.action} placeholder="auth." />
      </Field>
      <Field id="f-actor" label={t("who")}>
        <Input id="f-actor" name="actor" defaultValue={filters.actor} />
      </Field>
      <Field id="f-outcome" label={t("outcome")}>
        <Select id="f-outcome" name="outcome" defaultValue={filters.outcome ?? ""}>
          <option value="">{t("any")}</option>
          {(["success", "failure", "denied"] as const).map((o) => <option key={o} value={o}>{t(`outcomes.${o}`)}</option>)}
        </Select>
      </Field>
      <Field id="f-from" label={t("from")}>
        <Input id="f-from" name="from" type="date" defaultValue={filters.from} />
      </Field>
      <Field id="f-to" label={t("to")}>
        <Input id="f-to" name="to" type="date" defaultValue={filters.to} />
      </Field>
      <div className="flex items-end">
        <button type="submit" className="w-full rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">{t("apply")}</button>
      </div>
    </form>
  );
}
