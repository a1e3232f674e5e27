/**
 * Where an action's raw input holds text the database cannot keep: U+0000 (PostgreSQL's text and jsonb refuse
 * it) or a lone UTF-16 surrogate (jsonb refuses its escape; text would silently store U+FFFD instead). No form
 * produces either, so such input is refused beside its field rather than failing at the first query.
 */
export type InputPath = (string | number)[];

const MAX_PATHS = 20;

function unstorable(text: string): boolean {
  return text.includes("\u0000") || !text.isWellFormed();
}

/** The paths of the offending strings (a bad object key counts at its object), first MAX_PATHS, walking without recursion. */
export function unstorableTextPaths(input: unknown): InputPath[] {
  const found: InputPath[] = [];
  const stack: { value: unknown; path: InputPath }[] = [{ value: input, path: [] }];
  while (stack.length > 0 && found.length < MAX_PATHS) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") {
      if (unstorable(value)) found.push(path);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, path: [...path, index] }));
    } else if (value !== null && typeof value === "object" && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
      for (const [key, item] of Object.entries(value)) {
        if (unstorable(key)) found.push(path);
        else stack.push({ value: item, path: [...path, key] });
      }
    }
  }
  return found;
}

type ErrorNode = { [key: string]: ErrorNode } & { _errors?: string[] };

/** The child of `node` under `key`, made as an own property: a "__proto__" key must not reach Object.prototype. */
function child(node: ErrorNode, key: string): ErrorNode {
  if (!Object.hasOwn(node, key)) Object.defineProperty(node, key, { value: {}, enumerable: true, writable: true, configurable: true });
  return node[key] as ErrorNode;
}

/** The paths in next-safe-action's validation error shape, each with `message` (the root's as its own _errors). */
export function errorsAt(paths: InputPath[], message: string): Record<string, unknown> {
  const root: ErrorNode = {};
  for (const path of paths) {
    const node = path.reduce<ErrorNode>((n, part) => child(n, String(part)), root);
    node._errors = [...new Set([...(Object.hasOwn(node, "_errors") ? (node._errors ?? []) : []), message])];
  }
  return root;
}
