import type { ScheduleValues } from "@/lib/scheduler/items/schema";
import type { ComposerValues } from "./composer-resolver";

/** A group list up to this size stays in the draft (100,000 IDs of 20 characters); a larger one is loaded again. */
export const MAX_DRAFT_LIST_CHARS = 2_000_000;

/** What the draft keeps: the form, and whether a group list had to be left out of it. */
export type ComposerDraft = ComposerValues & { groupsDropped?: boolean };

/**
 * Saves the composer's draft with its group list when the list is not too large and the browser's storage takes
 * it; otherwise without the list (the message is never lost for a list's sake), noting that it was left out.
 */
export function saveComposerDraft(save: (values: ComposerDraft) => boolean, values: ComposerValues): void {
  if (values.groupsText.length <= MAX_DRAFT_LIST_CHARS && save(values)) return;
  save({ ...values, groupsText: "", groupsDropped: values.groupsText !== "" });
}

/** A restored draft as form values; a draft saved before the composer knew many groups sends to one group. */
export function fromDraft(draft: Partial<ComposerDraft>, schedule: ScheduleValues): ComposerValues {
  const { groupsDropped: _dropped, ...values } = draft;
  return { ...(values as ComposerValues), schedule: values.schedule ?? schedule, target: values.target ?? "one", groupsText: values.groupsText ?? "" };
}
