import "server-only";
import { redirect } from "next/navigation";
import { announcementFromRequest, emptyAnnouncement, type AnnouncementValues } from "@/lib/announcements/announcement-form";
import type { Database } from "@/lib/db";
import { resolveTimeZone } from "@/lib/i18n/request";
import { getSend } from "@/lib/messages/queries";
import type { ComposeTarget } from "@/lib/messages/targets";
import { getItem } from "@/lib/scheduler/items/load";
import { emptySchedule, scheduleFromItem, type ScheduleValues } from "@/lib/scheduler/items/schema";
import { EDITABLE_STATUSES } from "@/lib/scheduler/status";
import { SAMPLE_SENDER } from "@/lib/sandbox/world";

export interface AnnouncementParams {
  from?: string | string[];
  item?: string | string[];
  duplicate?: string | string[];
}

/** Where the form starts: what it holds, what it says it is, and the item it changes (`?item=`). */
export type InitialForm =
  | {
      state: "form";
      values: AnnouncementValues;
      schedule: ScheduleValues;
      /** The form starts from something chosen: a stored draft must not replace it. */
      fresh: boolean;
      source: "record" | "copy" | "item" | null;
      item?: { id: string; version: number };
    }
  | { state: "missing" }
  | { state: "notEditable"; id: string };

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

/**
 * The announcement form from the URL: `?item=<id>` edits a waiting scheduled announcement, `?duplicate=<id>`
 * starts a new one from a scheduled one, `?from=<send id>` from a recorded one; otherwise an empty form in the
 * operator's zone. Group messages found this way belong to the composer and are sent there.
 */
export async function initialForm(db: Database, targets: ComposeTarget[], params: AnnouncementParams): Promise<InitialForm> {
  const known = (key: string) => (targets.some((a) => a.key === key) ? key : "");
  const itemId = one(params.item);
  const copyId = one(params.duplicate);
  if (itemId !== undefined || copyId !== undefined) {
    const row = await getItem(db, (itemId ?? copyId)!);
    if (!row) return { state: "missing" };
    if (row.kind === "group") redirect(itemId ? `/scheduled/${row.id}/edit` : `/compose?duplicate=${row.id}`);
    const values = announcementFromRequest(row.request, known(row.appKey));
    // One sent on approval has no time of its own: it starts as "now" (on approval again, if the app still asks).
    const schedule = row.sendOnApproval ? emptySchedule(row.timeZone) : scheduleFromItem(row);
    if (copyId !== undefined) return { state: "form", values, schedule, fresh: true, source: "copy" };
    if (!EDITABLE_STATUSES.includes(row.status)) return { state: "notEditable", id: row.id };
    return { state: "form", values, schedule, fresh: false, source: "item", item: { id: row.id, version: row.version } };
  }
  const schedule = emptySchedule(await resolveTimeZone());
  const fromId = one(params.from);
  const source = fromId ? await getSend(db, fromId) : undefined;
  if (source?.kind === "broadcast") return { state: "form", values: announcementFromRequest(source.request, known(source.appKey)), schedule, fresh: true, source: "record" };
  const only = targets.length === 1 ? targets[0] : undefined;
  return { state: "form", values: emptyAnnouncement(only?.key ?? "", only?.isSandbox ? SAMPLE_SENDER : ""), schedule, fresh: false, source: null };
}
