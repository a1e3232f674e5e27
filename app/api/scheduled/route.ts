import { getDb } from "@/lib/db";
import { routeOperator } from "@/lib/messages/route-access";
import { countPendingApprovals, ITEM_VIEWS, listItems, type ItemListView } from "@/lib/scheduler/items/queries";
import { toItemView } from "@/lib/scheduler/items/view";

export const dynamic = "force-dynamic";

/** One tab of the Scheduled page, polled so statuses change as the dispatcher acts. Any role may read it. */
export async function GET(request: Request) {
  const operator = await routeOperator("history:read");
  if (operator instanceof Response) return operator;
  const asked = new URL(request.url).searchParams.get("view");
  const view: ItemListView = (ITEM_VIEWS as readonly string[]).includes(asked ?? "") ? (asked as ItemListView) : "upcoming";
  const db = await getDb();
  const [rows, pendingApprovals] = await Promise.all([listItems(db, view), countPendingApprovals(db)]);
  return Response.json({ items: rows.map(toItemView), pendingApprovals }, { headers: { "cache-control": "no-store" } });
}
