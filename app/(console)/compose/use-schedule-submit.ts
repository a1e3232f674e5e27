"use client";

import { useAction } from "next-safe-action/hooks";
import type { ScheduleValues } from "@/lib/scheduler/items/schema";
import type { SendGroupMessageInput } from "@/lib/zim/schemas/send-group-message";
import { createItemAction, editItemAction } from "../scheduled/actions";

export interface ScheduledGroupMessage {
  appKey: string;
  audienceSize?: number;
  request: SendGroupMessageInput;
  schedule: ScheduleValues;
}

/**
 * The composer's "schedule" path: a new item under the form's create key (a double click makes one item), or a
 * change to the item being edited at the version it was opened at. Answers the item's id, or the field errors.
 */
export function useScheduleSubmit(item: { id: string; version: number } | undefined, createKey: string) {
  const create = useAction(createItemAction);
  const edit = useAction(editItemAction);
  const submit = async (message: ScheduledGroupMessage): Promise<{ id?: string; validationErrors?: unknown }> => {
    const result = item
      ? await edit.executeAsync({ kind: "group", ...message, id: item.id, expectedVersion: item.version })
      : await create.executeAsync({ kind: "group", ...message, createKey });
    return { id: result?.data?.id, validationErrors: result?.validationErrors };
  };
  return {
    submit,
    isPending: create.isPending || edit.isPending,
    serverError: (item ? edit : create).result.serverError,
  };
}
