import "server-only";
import { openConsoleDatabase } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { resolveSandboxCredentials } from "./credentials";
import { isSandboxDropConnection } from "./drop-connection";
import { createSandboxHandler, type SandboxHandler } from "./handler";

export const CONSOLE_SANDBOX_BASE_PATH = "/zim-sandbox";

/** One handler per process (on globalThis, since Next.js may load this module more than once). */
const holder = globalThis as typeof globalThis & { __zimSandboxHandler?: Promise<SandboxHandler> };

function consoleSandboxHandler(): Promise<SandboxHandler> {
  holder.__zimSandboxHandler ??= (async () => {
    const { db } = await openConsoleDatabase();
    const credentials = await resolveSandboxCredentials(getEnv(), db);
    return createSandboxHandler({ db, ...credentials, basePath: CONSOLE_SANDBOX_BASE_PATH });
  })();
  holder.__zimSandboxHandler.catch(() => {
    holder.__zimSandboxHandler = undefined;
  });
  return holder.__zimSandboxHandler;
}

/** The API calls the console's own sandbox answered since this process started (or the last reset). */
export async function consoleSandboxCallStats() {
  return (await consoleSandboxHandler()).callStats();
}

/**
 * For `app/zim-sandbox/[[...path]]/route.ts` (GET, POST, PUT, DELETE). A route handler cannot destroy its
 * socket, so a "drop" fault becomes an empty HTTP 500 marked `x-zim-sandbox-fault: drop`: to a ZIM client both
 * are an unknown outcome (D1), but only the standalone sandbox produces a true network error.
 */
export async function handleConsoleSandboxRequest(request: Request): Promise<Response> {
  const handler = await consoleSandboxHandler();
  try {
    return await handler(request);
  } catch (error) {
    if (!isSandboxDropConnection(error)) throw error;
    return new Response(null, { status: 500, headers: { "x-zim-sandbox-fault": "drop" } });
  }
}
