/**
 * Text the database cannot keep: U+0000 (PostgreSQL's text and jsonb refuse it) or a lone UTF-16 surrogate (jsonb
 * refuses its escape; text would silently store U+FFFD instead). No form or ZIM client produces either, so input
 * holding them is refused where it arrives (server actions, the sandbox) rather than failing at the first query.
 * Free of server imports: the sandbox uses it too.
 */
export type InputPath = (string | number)[];

const MAX_PATHS = 20;

export function isStorableText(text: string): boolean {
  return !text.includes("\u0000") && text.isWellFormed();
}

/** The paths of the offending strings (a bad object key counts at its object), first MAX_PATHS, walking without recursion. */
export function unstorableTextPaths(input: unknown): InputPath[] {
  const found: InputPath[] = [];
  const stack: { value: unknown; path: InputPath }[] = [{ value: input, path: [] }];
  while (stack.length > 0 && found.length < MAX_PATHS) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") {
      if (!isStorableText(value)) found.push(path);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, path: [...path, index] }));
    } else if (value !== null && typeof value === "object" && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
      for (const [key, item] of Object.entries(value)) {
        if (!isStorableText(key)) found.push(path);
        else stack.push({ value: item, path: [...path, key] });
      }
    }
  }
  return found;
}
