import type { Database } from "@/lib/db/open";
import type { ApiResult } from "../api/envelope";
import type { SandboxSettings } from "../world/settings";

export interface ActionContext {
  db: Database;
  now: Date;
  settings: SandboxSettings;
  /** The JSON body of a POST, or the business query parameters of a GET (`X[]` keys become arrays). */
  params: Record<string, unknown>;
}

export type ActionRun = (ctx: ActionContext) => Promise<ApiResult>;
