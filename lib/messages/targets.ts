import "server-only";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db";
import { zimApp } from "@/lib/db/schema";
import { consoleRateGate } from "@/lib/rate-limit/console-gate";
import { rateLimitedClient } from "@/lib/rate-limit/limited-client";
import { getSettings } from "@/lib/sandbox/world";
import { DEFAULT_RATE_LIMITS } from "@/lib/zim-apps/defaults";
import { listSendTargets, resolveZimApp, zimClientFor, type ResolvedZimApp } from "@/lib/zim-apps/resolve";
import { SANDBOX_APP_KEY, type SendTarget } from "@/lib/zim-apps/targets";
import type { ZimClient } from "@/lib/zim/client";
import { resolveZimLimits, type ZimLimits } from "@/lib/zim/limits";

/**
 * The sandbox has no configured test group; its sample world's "Team" group has online, offline and push-registered
 * members, so a test send there shows every delivery case.
 */
export const SANDBOX_TEST_GROUP = "sample-team";

/** A send target with the size limits the composer checks against. Client-safe: no secret, no address. */
export interface ComposeTarget extends SendTarget {
  limits: ZimLimits;
  /** The app's SendGroupMessage calls per second: how long a bulk send to many groups takes. */
  sendGroupPerSecond: number;
}

export type ResolvedTarget = ResolvedZimApp & { limits: ZimLimits };

/**
 * How the verbs reach an app; storage tests swap in their own sandbox server and clock. The console's clients
 * take every call through the shared call limiter (lib/rate-limit), whichever path makes it.
 */
export interface AppAccess {
  resolve(key: string): Promise<ResolvedTarget>;
  client(app: ResolvedTarget): ZimClient;
}

/** The sandbox follows its own world settings (the limits its operators set); real apps their stored limits. */
async function sandboxLimits(db: Database): Promise<ZimLimits> {
  const s = await getSettings(db);
  return resolveZimLimits({
    messageBytes: s.MessageLimitBytes,
    multiItemMessageBytes: s.MultiItemLimitBytes,
    extendedDataBytes: s.ExtendedDataLimitBytes,
    receiverUserIds: s.MaxReceiverUserIds,
  });
}

export async function listComposeTargets(): Promise<ComposeTarget[]> {
  const db = await getDb();
  const [targets, rows, sandbox] = await Promise.all([
    listSendTargets(),
    db.select({ id: zimApp.id, sizeLimits: zimApp.sizeLimits, rateLimits: zimApp.rateLimits }).from(zimApp),
    sandboxLimits(db),
  ]);
  const stored = new Map(rows.map((r) => [r.id, r]));
  const defaultRate = DEFAULT_RATE_LIMITS.SendGroupMessage.perSecond;
  return targets.map((t) => {
    if (t.key === SANDBOX_APP_KEY) return { ...t, testGroupId: t.testGroupId ?? SANDBOX_TEST_GROUP, limits: sandbox, sendGroupPerSecond: defaultRate };
    const row = stored.get(t.key);
    return { ...t, limits: resolveZimLimits(row?.sizeLimits ?? {}), sendGroupPerSecond: row?.rateLimits.SendGroupMessage?.perSecond ?? defaultRate };
  });
}

export const consoleApps: AppAccess = {
  async resolve(key) {
    const app = await resolveZimApp(key);
    if (key !== SANDBOX_APP_KEY) return { ...app, limits: resolveZimLimits(app.sizeLimits) };
    const limits = await sandboxLimits(await getDb());
    return { ...app, testGroupId: app.testGroupId ?? SANDBOX_TEST_GROUP, limits, sizeLimits: limits };
  },
  client: (app) => rateLimitedClient(zimClientFor({ ...app, sizeLimits: app.limits }), app, consoleRateGate()),
};
