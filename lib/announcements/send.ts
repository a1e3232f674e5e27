import "server-only";
import type { Permit } from "@/lib/rate-limit/types";
import type { messageSend } from "@/lib/db/schema";
import { claimSend, duplicateResult, requestHash, type SendResult } from "@/lib/messages/claim";
import { invalidRequest, type MessageContext } from "@/lib/messages/context";
import { recordSendOutcome } from "@/lib/messages/record-outcome";
import { consoleApps, type ResolvedTarget } from "@/lib/messages/targets";
import {
  makeSendMessageToAllUsersSchema,
  type SendMessageToAllUsersInput,
  type SendMessageToAllUsersRequest,
} from "@/lib/zim/schemas/send-message-to-all-users";
import { assertAnnouncementFits, quotaLockName } from "./quota-guard";

export interface AnnouncementInput {
  appKey: string;
  idempotencyKey: string;
  request: SendMessageToAllUsersInput;
  /** Sent by the dispatcher for this scheduled item's occurrence due at `dueAt`. */
  scheduled?: { itemId: string; dueAt: Date };
  /** A slot of the shared call limiter the caller already holds (the dispatcher takes it before marking the item). */
  permit?: Permit;
}

/**
 * Sends one announcement to every user of an app (SendMessageToAllUsers) exactly once per idempotency key.
 *
 * 1. The request is checked against the app's own limits (D4); a problem is an InvalidRequestError and nothing
 *    is recorded.
 * 2. Under the app's quota lock, a new key is checked against D7 — the app's limit per rolling 24 hours, counting
 *    sent and scheduled announcements, and 1 per second. Over it is a QuotaRefusedError naming when it would fit;
 *    nothing is recorded or sent. A key already used answers with its record and sends nothing.
 * 3. The row (kind "broadcast", status "sending", PushType; no group, priority or recipients) and its audit row
 *    are COMMITTED before the request. The request goes out once; its outcome (Code, Message, RequestId — an
 *    announcement has no MsgSeq or MsgId, D14: ErrorList ignored) and a second audit row are written together.
 *
 * If the process dies between the request and the response, the row stays "sending": it is shown as "may have
 * been sent — check before resending" once stale, the start-up sweep marks it unknown, it keeps counting against
 * the quota (it may have been accepted), and nothing ever resends it automatically.
 */
export async function sendAnnouncement({ ctx, input }: { ctx: MessageContext; input: AnnouncementInput }): Promise<SendResult> {
  const apps = ctx.apps ?? consoleApps;
  const clock = ctx.now ?? (() => new Date());
  const app = await apps.resolve(input.appKey);
  const wire = checkAnnouncement(app, input.request);
  const hash = requestHash(app.key, wire);
  const now = clock();

  const { row, fresh } = await claimSend(ctx, {
    values: rowValues(ctx, app, input, wire, hash, now),
    auditAction: "announcement.send",
    lockName: quotaLockName(app.key),
    check: (tx) => assertAnnouncementFits(tx, app, now, { ownOccurrence: input.scheduled?.dueAt }),
  });
  if (!fresh) return duplicateResult(row, hash);

  const outcome = await apps.client(app).sendMessageToAllUsers(wire, { permit: input.permit });
  const done = await recordSendOutcome(ctx, row, outcome, clock());
  return { id: done.id, status: done.status, duplicate: false, sameContent: true };
}

function checkAnnouncement(app: ResolvedTarget, request: SendMessageToAllUsersInput): SendMessageToAllUsersRequest {
  const parsed = makeSendMessageToAllUsersSchema(app.limits).safeParse(request);
  if (!parsed.success) throw invalidRequest(parsed.error.issues);
  return parsed.data;
}

function rowValues(
  ctx: MessageContext,
  app: ResolvedTarget,
  input: AnnouncementInput,
  wire: SendMessageToAllUsersRequest,
  hash: string,
  now: Date,
): typeof messageSend.$inferInsert {
  return {
    idempotencyKey: input.idempotencyKey,
    requestHash: hash,
    kind: "broadcast",
    appKey: app.key,
    appName: app.name,
    appId: app.appId,
    isProduction: app.isProduction,
    fromUserId: wire.FromUserId,
    groupId: null,
    messageType: wire.MessageType,
    priority: null,
    recipientMode: null,
    pushType: wire.PushType,
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
