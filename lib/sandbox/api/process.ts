import "server-only";
import type { Database } from "@/lib/db/open";
import { unstorableTextPaths } from "@/lib/db/storable-text";
import { ACTIONS } from "../actions/registry";
import { isSandboxAction } from "../actions/names";
import { getSettings } from "../world/settings";
import { CODE } from "./codes";
import { checkCommonParams } from "./common-params";
import { fail, type ApiResult } from "./envelope";
import { readParams } from "./params";
import type { RateLimiter } from "./rate-limiter";
import { rateLimitCode } from "./rate-limits";

export interface ApiDeps {
  db: Database;
  appId: number;
  serverSecret: string;
  limiter: RateLimiter;
  now: () => Date;
}

/**
 * One ZIM API call, as the real service takes it: the gateway's common-parameter and signature checks, then
 * the Action's rate limit (counted per AppId, before the Action's own checks, as a gateway would), then the
 * Action. Every outcome is a Code (D1); only unexpected failures throw.
 */
export async function processApiCall(request: Request, query: URLSearchParams, deps: ApiDeps): Promise<ApiResult> {
  const now = deps.now();
  const check = checkCommonParams(query, {
    appId: deps.appId,
    serverSecret: deps.serverSecret,
    nowMs: now.getTime(),
    isSupported: isSandboxAction,
  });
  if (!check.ok) return fail(check.code);
  const action = check.action;
  if (!isSandboxAction(action)) return fail(CODE.actionUnsupported);

  const read = await readParams(request, query);
  if (!read.ok) return fail(CODE.badParameter);
  // A NUL or a lone surrogate cannot be stored in the world's tables: a parameter error, never a failed query.
  if (unstorableTextPaths(read.params).length > 0) return fail(CODE.badParameter, "input parameter error: a text holds a NUL or a broken Unicode character");
  const limited = rateLimitCode(deps.limiter, { appId: deps.appId, action, params: read.params, nowMs: now.getTime() });
  if (limited !== undefined) return fail(limited);

  const settings = await getSettings(deps.db);
  return ACTIONS[action]({ db: deps.db, now, settings, params: read.params });
}
