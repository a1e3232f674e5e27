import "server-only";
import { openConsoleDatabase } from "@/lib/db";
import type { Database } from "@/lib/db/open";
import { getEnv, type Env } from "@/lib/env";
import { storedServerSecret } from "./world/settings";

export interface SandboxCredentials {
  appId: number;
  serverSecret: string;
}

/**
 * The sandbox's AppId (ZIM_SANDBOX_APP_ID) and ServerSecret: ZIM_SANDBOX_SERVER_SECRET when set, otherwise the
 * one generated on first use and kept in the world's settings, so the console and `npm run sandbox` on the same
 * database sign alike. Without `db` the console's process-wide database is used.
 */
export async function resolveSandboxCredentials(
  env: Pick<Env, "ZIM_SANDBOX_APP_ID" | "ZIM_SANDBOX_SERVER_SECRET"> = getEnv(),
  db?: Database,
): Promise<SandboxCredentials> {
  const appId = env.ZIM_SANDBOX_APP_ID;
  if (env.ZIM_SANDBOX_SERVER_SECRET) return { appId, serverSecret: env.ZIM_SANDBOX_SERVER_SECRET };
  const database = db ?? (await openConsoleDatabase()).db;
  return { appId, serverSecret: await storedServerSecret(database) };
}
