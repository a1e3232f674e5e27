import type { Database } from "@/lib/db/open";

export interface ControlContext {
  db: Database;
  now: () => Date;
  appId: number;
  request: Request;
  url: URL;
  /** Forgets the per-second rate-limit windows (on reset). */
  resetRateLimits(): void;
  /** API calls answered since start or reset, per Action (see api/call-stats.ts). */
  callStats(): { Since: string; Actions: Record<string, { Accepted: number; RateLimited: number; Rejected: number }> };
}

export type ControlRoute = (ctx: ControlContext) => Promise<Response>;
export type ControlMethod = "GET" | "POST" | "PUT" | "DELETE";
