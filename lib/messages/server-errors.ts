import { fieldForWirePath } from "./compose-validation";
import type { RequestIssue } from "./context";

type Node = { _errors?: string[] } & { [key: string]: unknown };

/**
 * next-safe-action's formatted validation errors ({ request: { GroupId: { _errors: [...] } } }) as composer fields
 * and messages; anything outside `request` (app, key) lands on the form as a whole.
 */
export function serverFieldErrors(errors: unknown, messageType: number): { path: string; message: string }[] {
  const found: { path: string; message: string }[] = [];
  const walk = (node: unknown, path: string[]) => {
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node as Node)) {
      if (key === "_errors" && Array.isArray(value) && value.length > 0) {
        const field = path[0] === "request" ? fieldForWirePath(path.slice(1), messageType) : path[0] === "appKey" ? "appKey" : "root";
        found.push({ path: field, message: String(value[0]) });
      } else if (key !== "_errors") {
        walk(value, [...path, key]);
      }
    }
  };
  walk(errors, []);
  return found;
}

/** Field problems the send verb found with the app's own limits, in next-safe-action's error shape under "request". */
export function requestErrors(issues: RequestIssue[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const issue of issues) {
    let node = root;
    for (const part of ["request", ...issue.path.map(String)]) node = (node[part] ??= {}) as Record<string, unknown>;
    ((node._errors ??= []) as string[]).push(issue.message);
  }
  return root;
}
