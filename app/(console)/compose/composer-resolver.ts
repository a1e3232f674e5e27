import type { FieldErrors, Resolver } from "react-hook-form";
import type { ComposeValues } from "@/lib/messages/compose-form";
import { composeIssues, toFieldErrors } from "@/lib/messages/compose-validation";
import { scheduleIssues } from "@/lib/scheduler/items/schedule-issues";
import type { ScheduleValues } from "@/lib/scheduler/items/schema";
import type { ZimLimits } from "@/lib/zim/limits";

/** The composer's whole form: the message, and when it goes out. */
export type ComposerValues = ComposeValues & { schedule: ScheduleValues };

/** One resolver for the message (lib/zim's schema with the app's limits) and the schedule (the shared schema). */
export function composerResolver(limitsFor: (appKey: string) => ZimLimits): Resolver<ComposerValues> {
  return async (values) => {
    const issues = [...composeIssues(values, limitsFor(values.appKey)), ...scheduleIssues(values.schedule)];
    return issues.length === 0 ? { values, errors: {} } : { values: {}, errors: toFieldErrors(issues) as FieldErrors<ComposerValues> };
  };
}
