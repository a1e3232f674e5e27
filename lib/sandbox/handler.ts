import "server-only";
import type { Database } from "@/lib/db/open";
import { isStorableText } from "@/lib/db/storable-text";
import { apiResponse } from "./api/envelope";
import { withFault } from "./api/faults";
import { processApiCall } from "./api/process";
import { isSandboxAction } from "./actions/names";
import { CallStats } from "./api/call-stats";
import { RateLimiter } from "./api/rate-limiter";
import { routeControl } from "./control/router";
import { takeFault } from "./world/faults";
import { ensureSandboxWorld } from "./world/seed";

export interface SandboxHandlerOptions {
  db: Database;
  appId: number;
  serverSecret: string;
  /** Where the sandbox is mounted: "" standalone (the API at "/"), "/zim-sandbox" inside the console. */
  basePath?: string;
  /** The sandbox clock (Timestamp window, rate limits, recall window, 24 h quota); tests inject one. */
  now?: () => Date;
}

/**
 * A web-standard handler; it may throw SandboxDropConnection (see drop-connection.ts). `callStats` tells the API calls
 * it answered (the same as GET /_sandbox/stats).
 */
export type SandboxHandler = ((request: Request) => Promise<Response>) & { callStats(): ReturnType<CallStats["view"]> };

function notFound(): Response {
  return new Response("Not Found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/**
 * The ZIM sandbox as one request handler: the ZIM Server API at `<basePath>/?Action=…` (GET or POST, always
 * HTTP 200 with a Code — D1 — unless a fault says otherwise) and the control endpoint under
 * `<basePath>/_sandbox/`. The world is prepared (sample data on a first start) before the first request.
 */
export function createSandboxHandler(options: SandboxHandlerOptions): SandboxHandler {
  const { db, appId, serverSecret } = options;
  const basePath = (options.basePath ?? "").replace(/\/+$/, "");
  const now = options.now ?? (() => new Date());
  const limiter = new RateLimiter();
  const stats = new CallStats();
  let ready: Promise<void> | undefined;
  const ensureReady = () => {
    ready ??= ensureSandboxWorld(db, now()).catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };

  const handle = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) return notFound();
    const path = url.pathname.slice(basePath.length) || "/";
    await ensureReady();

    if (path === "/_sandbox" || path.startsWith("/_sandbox/")) {
      return routeControl(path.slice("/_sandbox".length), {
        db,
        now,
        appId,
        request,
        url,
        resetRateLimits: () => {
          limiter.reset();
          stats.reset(now());
        },
        callStats: () => stats.view(),
      });
    }
    if (path !== "/") return notFound();
    if (request.method !== "GET" && request.method !== "POST") {
      return new Response("Method Not Allowed", { status: 405, headers: { allow: "GET, POST" } });
    }
    const action = url.searchParams.get("Action") ?? "";
    // Faults are stored per Action name; a name the database could not even compare gets none (and 100000007).
    const fault = action === "" || !isStorableText(action) ? undefined : await takeFault(db, action);
    return withFault(fault, async () => {
      const result = await processApiCall(request, url.searchParams, { db, appId, serverSecret, limiter, now });
      // Unknown names are pooled: anyone can make up Action names, and the table must not grow with them.
      stats.count(isSandboxAction(action) ? action : "(other)", result.Code);
      return apiResponse(result);
    });
  };
  return Object.assign(handle, { callStats: () => stats.view() });
}
