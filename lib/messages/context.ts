import "server-only";
import type { Operator } from "@/lib/auth/session";
import type { Database } from "@/lib/db";
import type { AppAccess } from "./targets";

/** What every message verb runs with: who acts, from where, on which database, and how apps are reached. */
export interface MessageContext {
  db: Database;
  operator: Pick<Operator, "id" | "email">;
  ipAddress?: string | null;
  /** Defaults to the console's configured apps and sandbox (consoleApps). */
  apps?: AppAccess;
  /** Defaults to the wall clock; tests share the sandbox's hand-moved clock. */
  now?: () => Date;
}

/** A field problem found with the chosen app's own limits; the action returns it beside its field. */
export interface RequestIssue {
  path: (string | number)[];
  message: string;
}

export class InvalidRequestError extends Error {
  constructor(readonly issues: RequestIssue[]) {
    super("The request does not fit the app's limits.");
    this.name = "InvalidRequestError";
  }
}

/** A zod verdict's issues as an InvalidRequestError (paths as plain keys and indexes). */
export function invalidRequest(issues: readonly { path: readonly PropertyKey[]; message: string }[]): InvalidRequestError {
  return new InvalidRequestError(issues.map((i) => ({ path: i.path.map((p) => (typeof p === "number" ? p : String(p))), message: i.message })));
}
