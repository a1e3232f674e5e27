import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Field, Input, Select } from "@/components/ui/field";
import type { HistoryFilters } from "@/lib/messages/history-filters";
import { SEND_STATUSES } from "@/lib/messages/status";

/** A plain GET form: the filters live in the URL, so a filtered view can be bookmarked, shared and exported. */
export async function HistoryFilterForm({ filters, apps, operators }: {
  filters: HistoryFilters;
  apps: { key: string; name: string; production: boolean }[];
  operators: string[];
}) {
  const [t, tr] = await Promise.all([getTranslations("history"), getTranslations("sendResult")]);
  const text = (name: "group" | "sender" | "ref", label: string) => (
    <Field id={`h-${name}`} label={label}>
      <Input id={`h-${name}`} name={name} defaultValue={filters[name]} autoComplete="off" />
    </Field>
  );
  return (
    <form method="get" aria-label={t("filters")} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-5 dark:border-slate-800 dark:bg-slate-900">
      <Field id="h-app" label={t("app")}>
        <Select id="h-app" name="app" defaultValue={filters.app ?? ""}>
          <option value="">{t("any")}</option>
          {apps.map((a) => <option key={a.key} value={a.key}>{a.name}{a.production ? ` (${t("production")})` : ""}</option>)}
        </Select>
      </Field>
      <Field id="h-kind" label={t("kind")}>
        <Select id="h-kind" name="kind" defaultValue={filters.kind ?? ""}>
          <option value="">{t("any")}</option>
          <option value="group">{t("kinds.group")}</option>
          <option value="broadcast">{t("kinds.broadcast")}</option>
        </Select>
      </Field>
      {text("group", t("group"))}
      {text("sender", t("sender"))}
      <Field id="h-operator" label={t("operator")}>
        <Select id="h-operator" name="operator" defaultValue={filters.operator ?? ""}>
          <option value="">{t("any")}</option>
          {operators.map((o) => <option key={o} value={o}>{o}</option>)}
        </Select>
      </Field>
      <Field id="h-outcome" label={t("outcome")}>
        <Select id="h-outcome" name="outcome" defaultValue={filters.outcome ?? ""}>
          <option value="">{t("any")}</option>
          {SEND_STATUSES.map((s) => <option key={s} value={s}>{tr(`status.${s}`)}</option>)}
        </Select>
      </Field>
      <Field id="h-from" label={t("from")}>
        <Input id="h-from" name="from" type="date" defaultValue={filters.from} />
      </Field>
      <Field id="h-to" label={t("to")}>
        <Input id="h-to" name="to" type="date" defaultValue={filters.to} />
      </Field>
      {text("ref", t("ref"))}
      <div className="flex items-end gap-2 sm:col-span-2">
        <button type="submit" className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">{t("apply")}</button>
        <Link href="/history" className="px-2 py-2 text-sm underline">{t("clear")}</Link>
      </div>
    </form>
  );
}
