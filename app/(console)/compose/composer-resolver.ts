import type { FieldErrors, Resolver } from "react-hook-form";
import type { ComposeValues } from "@/lib/messages/compose-form";
import { composeIssues, toFieldErrors, type FormIssue } from "@/lib/messages/compose-validation";
import { scheduleIssues } from "@/lib/scheduler/items/schedule-issues";
import type { ScheduleValues } from "@/lib/scheduler/items/schema";
import type { ZimLimits } from "@/lib/zim/limits";
import { groupListSchema, readGroupList } from "../bulk/bulk-input";

/** One group (the group ID field), or many (a pasted or loaded list, sent as a bulk send). */
export type TargetMode = "one" | "many";

/** The composer's whole form: the message, its group or groups, and when it goes out. */
export type ComposerValues = ComposeValues & { schedule: ScheduleValues; target: TargetMode; groupsText: string };

/** Stands in for the group while a list has no valid ID yet, so the message itself can still be checked. */
const SAMPLE_GROUP = "group";

/**
 * The message as each group receives it: with many groups, the first listed one stands in for all (the request
 * is the same but for GroupId), so the preview and the checks show a real body.
 */
export function messageValues(values: ComposerValues): ComposerValues {
  if (values.target !== "many") return values;
  return { ...values, groupId: readGroupList(values.groupsText).ids[0] ?? SAMPLE_GROUP };
}

/** The group list's problem beside the list, from the same schema the create action checks it with. */
function groupListIssues(values: ComposerValues): FormIssue[] {
  const parsed = groupListSchema.safeParse(values.groupsText);
  return parsed.success ? [] : [{ path: "groupsText", message: parsed.error.issues[0]!.message }];
}

/**
 * One resolver for the message (lib/zim's schema with the app's limits), its groups, and the schedule (the shared
 * schema; with many groups the control offers no repetition, and the create action refuses one).
 */
export function composerResolver(limitsFor: (appKey: string) => ZimLimits): Resolver<ComposerValues> {
  return async (values) => {
    const many = values.target === "many";
    const issues = [
      ...composeIssues(messageValues(values), limitsFor(values.appKey)),
      ...(many ? groupListIssues(values) : []),
      ...scheduleIssues(values.schedule),
    ];
    return issues.length === 0 ? { values, errors: {} } : { values: {}, errors: toFieldErrors(issues) as FieldErrors<ComposerValues> };
  };
}
