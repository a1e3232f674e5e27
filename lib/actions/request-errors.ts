import type { RequestIssue } from "@/lib/messages/context";

/**
 * Field problems a verb found in a request body (with the app's own limits), in next-safe-action's error shape
 * under "request", so each one lands beside its field in the form.
 */
export function requestErrors(issues: RequestIssue[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const issue of issues) {
    let node = root;
    for (const part of ["request", ...issue.path.map(String)]) node = (node[part] ??= {}) as Record<string, unknown>;
    ((node._errors ??= []) as string[]).push(issue.message);
  }
  return root;
}
