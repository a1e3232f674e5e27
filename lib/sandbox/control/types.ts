import type { Database } from "@/lib/db/open";

export interface ControlContext {
  db: Database;
  now: () => Date;
  appId: number;
  request: Request;
  url: URL;
  /** Forgets the per-second rate-limit windows (on reset). */
  resetRateLimits(): void;
}

export type ControlRoute = (ctx: ControlContext) => Promise<Response>;
export type ControlMethod = "GET" | "POST" | "PUT" | "DELETE";
