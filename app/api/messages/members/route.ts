import { OperatorError } from "@/lib/actions/operator-error";
import { listGroupMembers } from "@/lib/messages/group-directory";
import { routeOperator } from "@/lib/messages/route-access";
import { zimId } from "@/lib/zim/schemas/id";

export const dynamic = "force-dynamic";

/** A group's members (QueryGroupMemberList, cached briefly): the audience size and the member picker. */
export async function GET(request: Request) {
  const operator = await routeOperator("message:send");
  if (operator instanceof Response) return operator;
  const url = new URL(request.url);
  const group = zimId("group ID").safeParse(url.searchParams.get("group") ?? "");
  if (!group.success) return Response.json({ error: "invalid-group" }, { status: 400 });
  try {
    const list = await listGroupMembers(url.searchParams.get("app") ?? "", group.data);
    return Response.json(list, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof OperatorError) return Response.json({ error: error.key }, { status: 404 });
    throw error;
  }
}
