import type { UseFormReturn } from "react-hook-form";
import type { BodyValues } from "@/lib/messages/compose-form";

/**
 * A message form seen as its shared part. react-hook-form's types are invariant in the form's values, but every
 * path of BodyValues exists with the same type in a form that extends it, so the pieces editing BodyValues
 * (body, app, offline push) work on any such form.
 */
export function asBodyForm<V extends BodyValues>(form: UseFormReturn<V>): UseFormReturn<BodyValues> {
  return form as unknown as UseFormReturn<BodyValues>;
}
