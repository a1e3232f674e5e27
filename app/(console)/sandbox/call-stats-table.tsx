import { getFormatter, getTranslations } from "next-intl/server";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { consoleSandboxCallStats } from "@/lib/sandbox/next-route";

/**
 * What the sandbox answered since it started: operators rehearsing a bulk send see at a glance whether the
 * console stayed inside the rate limits (the "over the rate limit" column stays at zero).
 */
export async function CallStatsTable() {
  const [t, format, stats] = await Promise.all([getTranslations("sandbox"), getFormatter(), consoleSandboxCallStats()]);
  const since = format.dateTime(new Date(stats.Since), { dateStyle: "medium", timeStyle: "medium" });
  const rows = Object.entries(stats.Actions).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section aria-labelledby="sandbox-calls" className="space-y-2">
      <h2 id="sandbox-calls" className="text-lg font-semibold">{t("callsTitle", { since })}</h2>
      <DataTable
        columns={[
          { label: t("callsAction") },
          { label: t("callsAccepted"), align: "right" },
          { label: t("callsRateLimited"), align: "right" },
          { label: t("callsRejected"), align: "right" },
        ]}
        empty={rows.length === 0 ? t("callsEmpty", { since }) : undefined}
      >
        {rows.map(([action, s]) => (
          <Row key={action}>
            <Cell className="font-mono">{action}</Cell>
            <Cell className="text-right">{s.Accepted}</Cell>
            <Cell className="text-right">{s.RateLimited}</Cell>
            <Cell className="text-right">{s.Rejected}</Cell>
          </Row>
        ))}
      </DataTable>
    </section>
  );
}
