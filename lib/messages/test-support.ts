import net from "node:net";
import { DEFAULT_RATE_LIMITS } from "@/lib/zim-apps/defaults";
import { OperatorError } from "@/lib/actions/operator-error";
import { TEST_APP_ID, TEST_SECRET, type TestSandbox } from "@/lib/sandbox/test-support/sandbox";
import { TEST_ADMIN } from "@/lib/testing/operator";
import { createZimClient } from "@/lib/zim/client";
import { resolveZimLimits, type ZimLimits } from "@/lib/zim/limits";
import type { SendGroupMessageInput } from "@/lib/zim/schemas/send-group-message";
import type { MessageContext } from "./context";
import type { AppAccess, ResolvedTarget } from "./targets";

/** Storage-test wiring: the verbs reach the test's own sandbox server, signed with its hand-moved clock. */
export function sandboxApp(sandbox: TestSandbox, overrides: Partial<Omit<ResolvedTarget, "limits">> & { limits?: Partial<ZimLimits>; timeoutMs?: number } = {}): AppAccess {
  const { limits, timeoutMs, ...rest } = overrides;
  return {
    async resolve(key) {
      if (key !== "sandbox") throw new OperatorError("appNotFound");
      return {
        key: "sandbox",
        name: "Sandbox",
        appId: TEST_APP_ID,
        isProduction: false,
        isSandbox: true,
        recallWindowSeconds: 120,
        broadcastDailyLimit: 100,
        testGroupId: null,
        serverSecret: TEST_SECRET,
        baseUrl: sandbox.url,
        rateLimits: DEFAULT_RATE_LIMITS,
        sizeLimits: {},
        ...rest,
        limits: resolveZimLimits(limits),
      };
    },
    client: (app) =>
      createZimClient({ appId: app.appId, serverSecret: app.serverSecret, baseUrl: app.baseUrl, limits: app.limits, timeoutMs, now: () => sandbox.clock.now().getTime() }),
  };
}

export function testContext(sandbox: TestSandbox, apps: AppAccess = sandboxApp(sandbox)): MessageContext {
  return { db: sandbox.db, operator: TEST_ADMIN, ipAddress: "127.0.0.1", apps, now: sandbox.clock.now };
}

let keys = 0;
/** A fresh idempotency key, as the composer makes one when it opens. */
export function newKey(): string {
  keys += 1;
  return `k${keys}${Math.random().toString(36).slice(2)}xxxxxxxxxxxxxxxx`.slice(0, 40);
}

export function textMessage(sender: string, groupId: string, text = "hello", extra: Partial<SendGroupMessageInput> = {}): SendGroupMessageInput {
  return { FromUserId: sender, GroupId: groupId, MessageType: 1, Priority: 2, MessageBody: { Message: text }, ...extra };
}

/** A local port nothing listens on (fetch refuses well-known ports such as 9, so pick a fresh one). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
