import { getDb } from "@/lib/db";
import { isTimeZone } from "@/lib/i18n/time-zone";
import { resolveTimeZone } from "@/lib/i18n/request";
import { routeOperator } from "@/lib/messages/route-access";
import { calendarData } from "@/lib/scheduler/items/calendar";
import { todayIn } from "@/lib/scheduler/items/calendar-range";
import { listSendTargets } from "@/lib/zim-apps/resolve";

export const dynamic = "force-dynamic";

/** A week or a month of the calendar in the operator's zone, with the chosen app's announcements per day. */
export async function GET(request: Request) {
  const operator = await routeOperator("history:read");
  if (operator instanceof Response) return operator;
  const params = new URL(request.url).searchParams;
  const asked = params.get("tz") ?? "";
  const timeZone = isTimeZone(asked) ? asked : await resolveTimeZone();
  const day = /^\d{4}-\d{2}-\d{2}$/.test(params.get("day") ?? "") ? params.get("day")! : todayIn(timeZone);
  const mode = params.get("mode") === "week" ? "week" : "month";
  const targets = await listSendTargets();
  const app = targets.find((t) => t.key === params.get("app")) ?? targets[0];
  try {
    return Response.json(await calendarData(await getDb(), { mode, day, timeZone, app }), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof RangeError) return Response.json({ error: "That day does not exist." }, { status: 400 });
    throw error;
  }
}
