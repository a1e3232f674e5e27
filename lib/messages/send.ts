import "server-only";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import { OperatorError } from "@/lib/actions/operator-error";
import { messageSend, type MessageSendRow } from "@/lib/db/schema";
import {
  makeSendGroupMessageSchema,
  type SendGroupMessageInput,
  type SendGroupMessageRequest,
} from "@/lib/zim/schemas/send-group-message";
import { InvalidRequestError, type MessageContext } from "./context";
import { recordSendOutcome } from "./record-outcome";
import { consoleApps, type ResolvedTarget } from "./targets";
import type { SendStatus } from "./status";

export interface SendInput {
  appKey: string;
  idempotencyKey: string;
  audienceSize?: number;
  request: SendGroupMessageInput;
  /** A test send: the same message to the app's test group, whole group, recorded as a test. */
  test?: boolean;
  /** Sent by the dispatcher for this occurrence of a scheduled item (recorded on the row). */
  scheduled?: { itemId: string; dueAt: Date };
}

export interface SendResult {
  id: string;
  status: SendStatus;
  /** The key was already used: nothing was sent now, `id` is the earlier record. */
  duplicate: boolean;
  /** For a duplicate: whether the earlier record holds this same message (a repeated click) or another one. */
  sameContent: boolean;
}

/**
 * Sends one group message (SendGroupMessage) exactly once per idempotency key.
 *
 * 1. The request is checked against the chosen app's own limits (D4, D8); a problem is an InvalidRequestError and
 *    nothing is recorded.
 * 2. The row is inserted with status "sending" under the unique key, with its audit row, and COMMITTED before the
 *    HTTP request. A second call with the key (double click, retry, second tab) finds the row and sends nothing.
 * 3. The request goes out once (the client never retries); its outcome and a second audit row are written together.
 *
 * If the process dies between the request and the response, the row stays "sending": after STALE_AFTER_MS it
 * is shown as "outcome unknown — check before resending", the start-up sweep (markInterruptedSendsUnknown) marks
 * it unknown, and nothing ever resends it automatically.
 */
export async function sendGroupMessage({ ctx, input }: { ctx: MessageContext; input: SendInput }): Promise<SendResult> {
  const apps = ctx.apps ?? consoleApps;
  const app = await apps.resolve(input.appKey);
  const wire = checkRequest(app, input);
  const key = input.test ? `${input.idempotencyKey}:test:${hashOf(app.key, wire).slice(0, 16)}` : input.idempotencyKey;
  const hash = hashOf(app.key, wire);
  const now = (ctx.now ?? (() => new Date()))();

  const claimed = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(messageSend)
      .values(rowValues(ctx, app, input, wire, key, hash, now))
      .onConflictDoNothing({ target: messageSend.idempotencyKey })
      .returning();
    if (!row) return undefined;
    await recordAudit(tx, {
      actor: ctx.operator,
      action: input.test ? "message.test-send" : "message.send",
      target: `${app.name} / ${wire.GroupId}`,
      outcome: "success",
      ipAddress: ctx.ipAddress ?? null,
      detail: summary(row),
    });
    return row;
  });

  if (!claimed) {
    const [existing] = await ctx.db.select().from(messageSend).where(eq(messageSend.idempotencyKey, key));
    if (!existing) throw new Error("The idempotency key conflicted but its row is gone.");
    return { id: existing.id, status: existing.status, duplicate: true, sameContent: existing.requestHash === hash };
  }

  const outcome = await apps.client(app).sendGroupMessage(wire);
  const done = await recordSendOutcome(ctx, claimed, outcome, (ctx.now ?? (() => new Date()))());
  return { id: done.id, status: done.status, duplicate: false, sameContent: true };
}

/** The wire body for this app: a test send goes to the test group, to everyone in it. */
function checkRequest(app: ResolvedTarget, input: SendInput): SendGroupMessageRequest {
  let request = input.request;
  if (input.test) {
    if (!app.testGroupId) throw new OperatorError("composeErrors.noTestGroup", { app: app.name });
    const options = request.SendMsgOptions?.NoUnread ? { SendMsgOptions: { NoUnread: true } } : {};
    request = { ...request, GroupId: app.testGroupId, SendMsgOptions: undefined, ...options };
  }
  const parsed = makeSendGroupMessageSchema(app.limits).safeParse(request);
  if (!parsed.success) throw new InvalidRequestError(parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === "number" ? p : String(p))), message: i.message })));
  return parsed.data;
}

export function hashOf(appKey: string, wire: SendGroupMessageRequest): string {
  return createHash("sha256").update(`${appKey}\n${JSON.stringify(wire)}`).digest("hex");
}

function rowValues(
  ctx: MessageContext,
  app: ResolvedTarget,
  input: SendInput,
  wire: SendGroupMessageRequest,
  key: string,
  hash: string,
  now: Date,
): typeof messageSend.$inferInsert {
  const target = wire.SendMsgOptions?.TargetOption;
  return {
    idempotencyKey: key,
    requestHash: hash,
    isTest: Boolean(input.test),
    appKey: app.key,
    appName: app.name,
    appId: app.appId,
    isProduction: app.isProduction,
    fromUserId: wire.FromUserId,
    groupId: wire.GroupId,
    messageType: wire.MessageType,
    priority: wire.Priority,
    recipientMode: !target ? "all" : target.Inclusive ? "only" : "except",
    recipientCount: target?.ReceiverUserIds?.length ?? 0,
    audienceSize: input.test ? null : (input.audienceSize ?? null),
    request: wire as unknown as Record<string, unknown>,
    status: "sending",
    operatorId: ctx.operator.id,
    operatorEmail: ctx.operator.email,
    scheduledItemId: input.scheduled?.itemId ?? null,
    scheduledFor: input.scheduled?.dueAt ?? null,
    createdAt: now,
    attemptedAt: now,
  };
}

/** What the audit trail keeps of a send: where, what kind, to whom — never the text, never a secret. */
export function summary(row: MessageSendRow): Record<string, unknown> {
  return {
    sendId: row.id,
    appId: row.appId,
    production: row.isProduction,
    groupId: row.groupId,
    fromUserId: row.fromUserId,
    messageType: row.messageType,
    priority: row.priority,
    recipients: row.recipientMode,
    recipientCount: row.recipientCount,
    test: row.isTest || undefined,
    scheduledItemId: row.scheduledItemId ?? undefined,
  };
}
