import { getDb } from "@/lib/db";
import { getSend } from "@/lib/messages/queries";
import { routeOperator } from "@/lib/messages/route-access";
import { toSendView } from "@/lib/messages/view";

export const dynamic = "force-dynamic";

/** One send as the result page polls it while its request (or recall) is out. Any role may read history. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const operator = await routeOperator("history:read");
  if (operator instanceof Response) return operator;
  const row = await getSend(await getDb(), (await params).id);
  if (!row) return Response.json({ error: "No such send." }, { status: 404 });
  return Response.json(toSendView(row), { headers: { "cache-control": "no-store" } });
}
