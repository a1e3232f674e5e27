"use client";

import { useAction } from "next-safe-action/hooks";
import type { ScheduleValues } from "@/lib/scheduler/items/schema";
import type { SendGroupMessageInput } from "@/lib/zim/schemas/send-group-message";
import type { SendMessageToAllUsersInput } from "@/lib/zim/schemas/send-message-to-all-users";
import { createItemAction, editItemAction } from "./actions";

interface ScheduledCommon {
  appKey: string;
  schedule: ScheduleValues;
}

/** What a composer schedules: a group message (with the group size it showed) or an announcement. */
export type ScheduledMessage =
  | (ScheduledCommon & { kind: "group"; audienceSize?: number; request: SendGroupMessageInput })
  | (ScheduledCommon & { kind: "broadcast"; request: SendMessageToAllUsersInput });

/**
 * A composer's "schedule" path: a new item under the form's create key (a double click makes one item), or a
 * change to the item being edited at the version it was opened at. Answers the item's id, or the field errors.
 */
export function useScheduleSubmit(item: { id: string; version: number } | undefined, createKey: string) {
  const create = useAction(createItemAction);
  const edit = useAction(editItemAction);
  const submit = async (message: ScheduledMessage): Promise<{ id?: string; validationErrors?: unknown }> => {
    const result = item
      ? await edit.executeAsync({ ...message, id: item.id, expectedVersion: item.version })
      : await create.executeAsync({ ...message, createKey });
    return { id: result?.data?.id, validationErrors: result?.validationErrors };
  };
  return {
    submit,
    isPending: create.isPending || edit.isPending,
    serverError: (item ? edit : create).result.serverError,
  };
}
