import "server-only";
import { asc, eq } from "drizzle-orm";
import { deriveKey } from "@/lib/crypto/keys";
import { open } from "@/lib/crypto/secret-box";
import { getDb } from "@/lib/db";
import { zimApp, type RateLimits, type SizeLimits } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { OperatorError } from "@/lib/actions/operator-error";
import { resolveSandboxCredentials } from "@/lib/sandbox/credentials";
import { CONSOLE_SANDBOX_BASE_PATH } from "@/lib/sandbox/next-route";
import { getSettings } from "@/lib/sandbox/world";
import { createZimClient, type ZimClient } from "@/lib/zim/client";
import { DEFAULT_RATE_LIMITS } from "./defaults";
import { secretContext } from "./save";
import { SANDBOX_APP_KEY, type SendTarget } from "./targets";

/** Everything needed to call ZIM for one app. Server only: it carries the ServerSecret in clear. */
export interface ResolvedZimApp extends SendTarget {
  serverSecret: string;
  baseUrl: string;
  rateLimits: RateLimits;
  sizeLimits: SizeLimits;
}

/**
 * The apps an operator can send through, without secrets: the configured ZIM apps, then the built-in sandbox
 * (always there, so operators can rehearse even once real apps exist).
 */
export async function listSendTargets(): Promise<SendTarget[]> {
  const db = await getDb();
  const rows = await db.select().from(zimApp).orderBy(asc(zimApp.name));
  const sandbox = await sandboxTarget();
  return [...rows.map((r) => toTarget(r)), sandbox];
}

/** Resolves an app key (a zim_app id, or "sandbox") to its credentials; an unknown key is an operator error. */
export async function resolveZimApp(key: string): Promise<ResolvedZimApp> {
  if (key === SANDBOX_APP_KEY) {
    const env = getEnv();
    const db = await getDb();
    const { appId, serverSecret } = await resolveSandboxCredentials(env, db);
    return {
      ...(await sandboxTarget()),
      appId,
      serverSecret,
      baseUrl: env.ZIM_SANDBOX_URL ?? `${env.CONSOLE_URL.replace(/\/+$/, "")}${CONSOLE_SANDBOX_BASE_PATH}`,
      rateLimits: DEFAULT_RATE_LIMITS,
      sizeLimits: {},
    };
  }
  const db = await getDb();
  const [row] = /^[0-9a-f-]{36}$/.test(key) ? await db.select().from(zimApp).where(eq(zimApp.id, key)) : [];
  if (!row) throw new OperatorError("appNotFound");
  return {
    ...toTarget(row),
    serverSecret: open(deriveKey("zim-app-secret"), row.serverSecretCiphertext, secretContext(row.id)),
    baseUrl: row.baseUrl,
    rateLimits: row.rateLimits,
    sizeLimits: row.sizeLimits,
  };
}

/** A ZIM client for the app; see lib/zim/client.ts for why it never retries. */
export function zimClientFor(app: ResolvedZimApp): ZimClient {
  return createZimClient({ appId: app.appId, serverSecret: app.serverSecret, baseUrl: app.baseUrl, limits: app.sizeLimits });
}

function toTarget(row: typeof zimApp.$inferSelect): SendTarget {
  return {
    key: row.id,
    name: row.name,
    appId: row.appId,
    isProduction: row.isProduction,
    isSandbox: false,
    recallWindowSeconds: row.recallWindowSeconds,
    broadcastDailyLimit: row.broadcastDailyLimit,
    testGroupId: row.testGroupId,
  };
}

async function sandboxTarget(): Promise<SendTarget> {
  const settings = await getSettings(await getDb());
  return {
    key: SANDBOX_APP_KEY,
    name: "Sandbox",
    appId: getEnv().ZIM_SANDBOX_APP_ID,
    isProduction: false,
    isSandbox: true,
    recallWindowSeconds: settings.RecallWindowSeconds,
    broadcastDailyLimit: settings.BroadcastDailyLimit,
    testGroupId: null,
  };
}
