import { loadQuotaView } from "@/lib/announcements/quota-summary";
import { getDb } from "@/lib/db";
import { routeOperator } from "@/lib/messages/route-access";
import { listSendTargets } from "@/lib/zim-apps/resolve";

export const dynamic = "force-dynamic";

/**
 * One app's announcement quota as the meter polls it (D7): counts and instants only, never a secret. The limit is
 * the one the app really has — for the sandbox, the limit its own settings enforce — so meter and API agree.
 */
export async function GET(request: Request) {
  const operator = await routeOperator("history:read");
  if (operator instanceof Response) return operator;
  const key = new URL(request.url).searchParams.get("app") ?? "";
  const app = (await listSendTargets()).find((a) => a.key === key);
  if (!app) return Response.json({ error: "No such app." }, { status: 404 });
  return Response.json(await loadQuotaView(await getDb(), app), { headers: { "cache-control": "no-store" } });
}
