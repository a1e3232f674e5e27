import { z } from "zod";
import { formatBytes, utf8ByteLength } from "../utf8";

/** A string of at most `max` UTF-8 bytes; the message names the field and both sizes (D4). */
export function maxBytes(label: string, max: number) {
  return z.string({ error: `The ${label} must be text.` }).check((ctx) => {
    const bytes = utf8ByteLength(ctx.value);
    if (bytes > max) {
      ctx.issues.push({ code: "custom", input: ctx.value, message: tooLong(label, bytes, max) });
    }
  });
}

export function tooLong(label: string, bytes: number, max: number): string {
  return (
    `The ${label} is too long: ${formatBytes(bytes)}, the limit is ${formatBytes(max)}. ` +
    "Letters and digits count 1 byte, most Chinese characters 3, emoji 4."
  );
}

/** A whole number in [min, max] with one message for every way of missing it. */
export function intInRange(label: string, min: number, max: number) {
  const message = `The ${label} must be a whole number from ${min} to ${max}.`;
  return z.int({ error: message }).min(min, message).max(max, message);
}

/** 0 or 1, the API's spelling of a flag (IsBase64, HasReceipt, Enable). */
export function flag01(label: string) {
  return z.literal([0, 1], { error: `${label} must be 0 (off) or 1 (on).` });
}

/**
 * An object that refuses keys ZIM does not know, so a misspelt field (e.g. "Searchedcontent") fails loudly
 * instead of being dropped on the way to the server.
 */
export function wireObject<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `Not a field of this request: ${issue.keys.join(", ")}.`
        : issue.input === undefined
          ? "This field is required."
          : "This must be an object of named fields.",
  });
}

type Path = readonly PropertyKey[];

function overlaps(a: Path, b: Path): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** Issue codes after which a value may not have its declared type; size and custom issues leave the type intact. */
const TYPE_BREAKING = new Set(["invalid_type", "invalid_value", "invalid_union", "invalid_key", "invalid_element"]);

/**
 * Lets a cross-field rule run even when unrelated fields are invalid, so a form shows every problem at once; the
 * rule still waits while a field it reads (`deps`) has a type-breaking issue, so it only sees well-typed values there.
 */
export function whenValid(...deps: Path[]) {
  return {
    when: (payload: z.core.ParsePayload) =>
      !payload.issues.some(
        (issue) => TYPE_BREAKING.has(issue.code) && deps.some((dep) => overlaps(issue.path ?? [], dep)),
      ),
  };
}

/** Next of the paging Query Actions: 0 for the first page, then the value the previous page returned. */
export const pageMarker = z
  .int({ error: "The page marker (Next) must be 0 or the Next value of the previous page." })
  .min(0, "The page marker (Next) must be 0 or the Next value of the previous page.");
