import { BULK_LIST_PAGE, isBulkId } from "@/app/(console)/bulk/paging";
import { listBulkSends } from "@/lib/bulk/queries";
import { getDb } from "@/lib/db";
import { routeOperator } from "@/lib/messages/route-access";

export const dynamic = "force-dynamic";

/** One page of bulk sends, newest first, polled by the list while a run is going. Any role may read it. */
export async function GET(request: Request) {
  const operator = await routeOperator("history:read");
  if (operator instanceof Response) return operator;
  const asked = new URL(request.url).searchParams.get("before");
  const before = asked && isBulkId(asked) ? asked : undefined;
  const sends = await listBulkSends(await getDb(), { limit: BULK_LIST_PAGE, before });
  return Response.json({ sends }, { headers: { "cache-control": "no-store" } });
}
