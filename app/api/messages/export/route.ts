import { getDb } from "@/lib/db";
import { resolveTimeZone } from "@/lib/i18n/request";
import { historyCsvStream } from "@/lib/messages/export";
import { parseHistoryFilters } from "@/lib/messages/history-filters";
import { routeOperator } from "@/lib/messages/route-access";

export const dynamic = "force-dynamic";

/** The filtered history as a streamed CSV download (same filters as the page, dates in the operator's zone). */
export async function GET(request: Request) {
  const operator = await routeOperator("history:read");
  if (operator instanceof Response) return operator;
  const url = new URL(request.url);
  const filters = { ...parseHistoryFilters(url.searchParams), cursor: undefined };
  const stream = historyCsvStream(await getDb(), filters, { timeZone: await resolveTimeZone() });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="zim-history-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
