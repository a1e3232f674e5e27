import type { FieldErrors, Resolver } from "react-hook-form";
import type { AnnouncementValues } from "@/lib/announcements/announcement-form";
import { announcementIssues } from "@/lib/announcements/announcement-validation";
import { toFieldErrors } from "@/lib/messages/compose-validation";
import { scheduleIssues } from "@/lib/scheduler/items/schedule-issues";
import type { ScheduleValues } from "@/lib/scheduler/items/schema";
import type { ZimLimits } from "@/lib/zim/limits";

/** The Announcements page's whole form: the announcement, and when it goes out. */
export type AnnouncementFormValues = AnnouncementValues & { schedule: ScheduleValues };

/** One resolver for the announcement (lib/zim's schema with the app's limits) and the schedule (the shared schema). */
export function announcementFormResolver(limitsFor: (appKey: string) => ZimLimits): Resolver<AnnouncementFormValues> {
  return async (values) => {
    const issues = [...announcementIssues(values, limitsFor(values.appKey)), ...scheduleIssues(values.schedule)];
    return issues.length === 0 ? { values, errors: {} } : { values: {}, errors: toFieldErrors(issues) as FieldErrors<AnnouncementFormValues> };
  };
}
