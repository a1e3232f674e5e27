"use client";

import { useAction } from "next-safe-action/hooks";
import type { BulkCreateInput } from "../bulk/bulk-input";
import { createBulkAction } from "../bulk/actions";

/**
 * The composer's "many groups" path: one bulk send under the form's key (a double click, a retried request or a
 * second tab on the same draft make one). Answers the bulk send's id, or the field errors.
 */
export function useBulkSubmit(createKey: string) {
  const action = useAction(createBulkAction);
  const submit = async (input: Omit<BulkCreateInput, "createKey">): Promise<{ id?: string; validationErrors?: unknown }> => {
    const result = await action.executeAsync({ ...input, createKey });
    return { id: result?.data?.id, validationErrors: result?.validationErrors };
  };
  return { submit, isPending: action.isPending, serverError: action.result.serverError };
}
