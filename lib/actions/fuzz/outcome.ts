import { isRedirectError } from "next/dist/client/components/redirect-error";
import { inNextRequest } from "@/lib/testing/next-request";
import { isCatalogSentence, isUnexpectedFailure } from "./catalog-match";

export type Outcome =
  | { kind: "redirect" }
  | { kind: "data"; data: unknown }
  | { kind: "validation"; messages: string[] }
  | { kind: "server-error"; message: string };

/** Every message in next-safe-action's validationErrors tree (`_errors` arrays at any depth). */
export function validationMessages(tree: unknown): string[] {
  if (!tree || typeof tree !== "object") return [];
  return Object.entries(tree).flatMap(([key, value]) => (key === "_errors" && Array.isArray(value) ? value.map(String) : validationMessages(value)));
}

/**
 * Calls a server action (or a plain server function) in a request scope with `headers`, as Next.js would, and
 * sorts the answer. Anything it throws other than Next's redirect propagates: that is a 500 for the browser.
 */
export async function callAction(action: (input: unknown) => Promise<unknown>, input: unknown, headers: Headers): Promise<Outcome> {
  let answer: unknown;
  try {
    answer = await inNextRequest(headers, () => action(input));
  } catch (error) {
    if (isRedirectError(error)) return { kind: "redirect" };
    throw error;
  }
  if (answer === undefined || answer === null) return { kind: "data", data: answer };
  const result = answer as { data?: unknown; validationErrors?: unknown; serverError?: unknown };
  if (result.validationErrors !== undefined) return { kind: "validation", messages: validationMessages(result.validationErrors) };
  if (result.serverError !== undefined) return { kind: "server-error", message: String(result.serverError) };
  return { kind: "data", data: result.data };
}

/** Why an outcome breaks the rules of the house, or undefined when it keeps them. */
export function outcomeProblem(outcome: Outcome, schemaAccepts: boolean | undefined, mayRedirect: boolean): string | undefined {
  switch (outcome.kind) {
    case "redirect":
      if (!mayRedirect) return "redirected, which this action never should";
      if (schemaAccepts === false) return "redirected (succeeded) with an input its schema refuses";
      return undefined;
    case "data":
      if (schemaAccepts === false) return "accepted an input its schema refuses";
      return undefined;
    case "validation":
      if (outcome.messages.length === 0) return "refused with validationErrors that name no problem";
      if (outcome.messages.some((m) => m.trim() === "")) return "refused with an empty field message";
      return undefined;
    case "server-error":
      if (isUnexpectedFailure(outcome.message)) return `failed unexpectedly (a 500 for the operator): ${outcome.message}`;
      if (!isCatalogSentence(outcome.message)) return `answered a server error that is not a catalog sentence: ${outcome.message}`;
      if (schemaAccepts === false) return `answered "${outcome.message}" where the schema refuses the input (no field error)`;
      return undefined;
  }
}
