import { OperatorError } from "@/lib/actions/operator-error";
import { listAppGroups } from "@/lib/messages/group-directory";
import { routeOperator } from "@/lib/messages/route-access";

export const dynamic = "force-dynamic";

const SHOWN = 50;

/** Groups of an app whose ID or name contains `q`, for the composer's group picker (QueryAppGroupList, cached). */
export async function GET(request: Request) {
  const operator = await routeOperator("message:send");
  if (operator instanceof Response) return operator;
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim().toLowerCase();
  try {
    const list = await listAppGroups(url.searchParams.get("app") ?? "");
    const matches = list.groups.filter((g) => !q || g.GroupId.toLowerCase().includes(q) || g.GroupName?.toLowerCase().includes(q));
    return Response.json({ ...list, groups: matches.slice(0, SHOWN) }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof OperatorError) return Response.json({ error: error.key }, { status: 404 });
    throw error;
  }
}
