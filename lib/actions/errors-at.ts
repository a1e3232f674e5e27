import type { InputPath } from "@/lib/db/storable-text";

type ErrorNode = { [key: string]: ErrorNode } & { _errors?: string[] };

/** The child of `node` under `key`, made as an own property: a "__proto__" key must not reach Object.prototype. */
function child(node: ErrorNode, key: string): ErrorNode {
  if (!Object.hasOwn(node, key)) Object.defineProperty(node, key, { value: {}, enumerable: true, writable: true, configurable: true });
  return node[key] as ErrorNode;
}

/**
 * The paths in next-safe-action's validation error shape, each with `message` (the root's as its own _errors). A
 * path through a "__proto__" key (never a form field) stops at its object: next-safe-action reshapes the errors by
 * assignment, which would turn that key into a prototype and lose the message.
 */
export function errorsAt(paths: InputPath[], message: string): Record<string, unknown> {
  const root: ErrorNode = {};
  for (const fullPath of paths) {
    const cut = fullPath.indexOf("__proto__");
    const path = cut === -1 ? fullPath : fullPath.slice(0, cut);
    const node = path.reduce<ErrorNode>((n, part) => child(n, String(part)), root);
    node._errors = [...new Set([...(Object.hasOwn(node, "_errors") ? (node._errors ?? []) : []), message])];
  }
  return root;
}
