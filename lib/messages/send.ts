import "server-only";
import { OperatorError } from "@/lib/actions/operator-error";
import type { messageSend } from "@/lib/db/schema";
import {
  makeSendGroupMessageSchema,
  type SendGroupMessageInput,
  type SendGroupMessageRequest,
} from "@/lib/zim/schemas/send-group-message";
import type { Permit } from "@/lib/rate-limit/types";
import { claimSend, duplicateResult, requestHash, type SendResult } from "./claim";
import { invalidRequest, type MessageContext } from "./context";
import { recordSendOutcome } from "./record-outcome";
import { consoleApps, type ResolvedTarget } from "./targets";

export interface SendInput {
  appKey: string;
  idempotencyKey: string;
  audienceSize?: number;
  request: SendGroupMessageInput;
  /** A test send: the same message to the app's test group, whole group, recorded as a test. */
  test?: boolean;
  /** Sent by the dispatcher for this occurrence of a scheduled item (recorded on the row). */
  scheduled?: { itemId: string; dueAt: Date };
  /** A slot of the shared call limiter the caller already holds (the dispatcher takes it before marking the item). */
  permit?: Permit;
}

export type { SendResult };

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
  const hash = requestHash(app.key, wire);
  const key = input.test ? `${input.idempotencyKey}:test:${hash.slice(0, 16)}` : input.idempotencyKey;
  const now = (ctx.now ?? (() => new Date()))();

  const { row, fresh } = await claimSend(ctx, {
    values: rowValues(ctx, app, input, wire, key, hash, now),
    auditAction: input.test ? "message.test-send" : "message.send",
  });
  if (!fresh) return duplicateResult(row, hash);

  const outcome = await apps.client(app).sendGroupMessage(wire, { permit: input.permit });
  const done = await recordSendOutcome(ctx, row, outcome, (ctx.now ?? (() => new Date()))());
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
  if (!parsed.success) throw invalidRequest(parsed.error.issues);
  return parsed.data;
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
