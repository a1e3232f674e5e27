import type { ScheduleValues } from "@/lib/scheduler/items/schema";

/**
 * How the form's message leaves: sent now; created as an item that goes out once a second operator approves it
 * ("now" on an app that asks for approval); scheduled for a time; or saved over the item being edited.
 */
export type AnnouncementPath = "now" | "approval" | "later" | "save";

export function announcementPath({ editing, mode, needsApproval }: { editing: boolean; mode: ScheduleValues["mode"]; needsApproval: boolean }): AnnouncementPath {
  if (editing) return "save";
  if (mode === "later") return "later";
  return needsApproval ? "approval" : "now";
}
