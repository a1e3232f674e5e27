import { isBulkId } from "@/app/(console)/bulk/paging";
import { parseTargetFilters } from "@/app/(console)/bulk/target-filters";
import { getBulkProgress, listBulkTargets } from "@/lib/bulk/queries";
import { getDb } from "@/lib/db";
import { routeOperator } from "@/lib/messages/route-access";

export const dynamic = "force-dynamic";

/**
 * One bulk send's progress and the page of its per-group results the filters select, polled every second by its
 * page while the run is going. Any role may read it.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const operator = await routeOperator("history:read");
  if (operator instanceof Response) return operator;
  const { id } = await params;
  if (!isBulkId(id)) return Response.json({ error: "No such bulk send." }, { status: 404 });
  const db = await getDb();
  const progress = await getBulkProgress(db, id);
  if (!progress) return Response.json({ error: "No such bulk send." }, { status: 404 });
  const targets = await listBulkTargets(db, id, parseTargetFilters(new URL(request.url).searchParams));
  return Response.json({ progress, targets }, { headers: { "cache-control": "no-store" } });
}
