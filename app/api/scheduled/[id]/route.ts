import { getDb } from "@/lib/db";
import { routeOperator } from "@/lib/messages/route-access";
import { getItem } from "@/lib/scheduler/items/load";
import { listRuns } from "@/lib/scheduler/items/queries";
import { toItemView, toRunView } from "@/lib/scheduler/items/view";

export const dynamic = "force-dynamic";

/** One item and its occurrences' outcomes, polled by its page. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const operator = await routeOperator("history:read");
  if (operator instanceof Response) return operator;
  const db = await getDb();
  const { id } = await params;
  const row = await getItem(db, id);
  if (!row) return Response.json({ error: "No such item." }, { status: 404 });
  return Response.json({ item: toItemView(row), runs: (await listRuns(db, id)).map(toRunView) }, { headers: { "cache-control": "no-store" } });
}
