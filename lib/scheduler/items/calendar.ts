import "server-only";
import { countPerDay } from "@/lib/announcements/quota";
import { loadQuotaEvents } from "@/lib/announcements/quota-store";
import type { Database } from "@/lib/db";
import type { SendTarget } from "@/lib/zim-apps/targets";
import { localTimeOf } from "@/lib/time/zoned-time";
import { calendarRange, dayKey, rangeInstants, type CalendarMode } from "./calendar-range";
import type { ItemKind } from "@/lib/scheduler/status";
import { calendarEntries } from "./queries";

export interface CalendarEntryView {
  itemId: string;
  at: string;
  day: string;
  /** "HH:mm" in the calendar's zone. */
  time: string;
  status: string;
  kind: ItemKind;
  appName: string;
  isProduction: boolean;
  groupId: string | null;
  repeating: boolean;
}

export interface CalendarData {
  mode: CalendarMode;
  anchor: string;
  days: string[];
  timeZone: string;
  entries: CalendarEntryView[];
  /** D7 use per day of the chosen app: announcements sent and scheduled that day, against its limit. */
  quota: { appKey: string; appName: string; limit: number; days: Record<string, number> } | null;
}

/** The calendar's period in the operator's zone: items on their day and time, and each day's announcement count. */
export async function calendarData(db: Database, input: { mode: CalendarMode; day: string; timeZone: string; app?: SendTarget }): Promise<CalendarData> {
  const range = calendarRange(input.mode, input.day);
  const instants = rangeInstants(range, input.timeZone);
  const entries = await calendarEntries(db, instants);
  let quota: CalendarData["quota"] = null;
  if (input.app) {
    const events = await loadQuotaEvents(db, input.app.key, { from: new Date(instants.from.getTime() - 1), to: instants.to });
    const perDay = countPerDay([...events.past, ...events.scheduled].filter((ms) => ms < instants.to.getTime()), (ms) => dayKey(ms, input.timeZone));
    quota = { appKey: input.app.key, appName: input.app.name, limit: input.app.broadcastDailyLimit, days: Object.fromEntries(perDay) };
  }
  return {
    mode: range.mode,
    anchor: range.anchor,
    days: range.days,
    timeZone: input.timeZone,
    entries: entries.map((e) => ({
      itemId: e.itemId,
      at: e.at.toISOString(),
      day: dayKey(e.at, input.timeZone),
      time: localTimeOf(e.at, input.timeZone).slice(11, 16),
      status: e.status,
      kind: e.row.kind,
      appName: e.row.appName,
      isProduction: e.row.isProduction,
      groupId: e.row.kind === "group" ? String(e.row.request.GroupId ?? "") : null,
      repeating: Boolean(e.row.recurrence),
    })),
    quota,
  };
}
