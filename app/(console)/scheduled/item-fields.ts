import "server-only";
import { whenInputOf, type ScheduleValues } from "@/lib/scheduler/items/schema";

/**
 * The verbs' time fields from the schedule control. "Send now" reaches a verb only for an announcement that
 * needs approval: it then waits for it and goes out when approved (the verb refuses it for anything else).
 */
export function timeFieldsOf(schedule: ScheduleValues) {
  if (schedule.mode === "now") return { localTime: "", timeZone: schedule.timeZone, sendOnApproval: true };
  return { ...whenInputOf(schedule), sendOnApproval: false };
}
