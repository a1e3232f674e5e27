import { scheduleFieldsSchema, type ScheduleValues } from "./schema";

/** The schedule control's problems as form issues under `prefix` ("schedule.time"), for a composer's resolver. */
export function scheduleIssues(schedule: ScheduleValues, prefix = "schedule"): { path: string; message: string }[] {
  const parsed = scheduleFieldsSchema.safeParse(schedule);
  if (parsed.success) return [];
  const seen = new Set<string>();
  return parsed.error.issues
    .map((i) => ({ path: [prefix, ...i.path.map(String)].slice(0, 2).join("."), message: i.message }))
    .filter((i) => !seen.has(i.path) && seen.add(i.path));
}
