import "server-only";
import { z } from "zod";
import { CODE } from "../api/codes";
import { fail } from "../api/envelope";
import { zimId } from "../rules/ids";
import { BROADCAST_MESSAGE_TYPES, checkMessageBody } from "../rules/message-body";
import { moderate } from "../rules/moderation";
import { storeBroadcast } from "../world/broadcasts";
import { isRegistered } from "../world/users";
import type { ActionRun } from "./types";

const schema = z
  .looseObject({
    FromUserId: zimId,
    MessageType: z.number().refine((t) => (BROADCAST_MESSAGE_TYPES as readonly number[]).includes(t)),
    MessageBody: z.unknown(),
    SubMsgType: z.number().int().min(0).max(200).optional(),
    PushType: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
  })
  .refine((b) => b.MessageType !== 200 || b.SubMsgType !== undefined);

/**
 * SendMessageToAllUsers (zim-api.md §5). PushType defaults to 0 (D6). The 1/s limit sits in the gateway
 * (api/rate-limits.ts); the 100 per rolling 24 h (D7) is counted in the database at the moment of sending, so
 * only accepted calls use it up and it survives restarts. A moderation hit (D5) answers Code 0 with
 * AuditInfos — a field the broadcast schema does not define, the sandbox's one addition — and reaches nobody.
 * No ErrorList is sent (D14).
 */
export const sendMessageToAllUsers: ActionRun = async ({ db, now, settings, params }) => {
  const parsed = schema.safeParse(params);
  if (!parsed.success) return fail(CODE.badParameter);
  const req = parsed.data;
  const body = checkMessageBody(req.MessageType, req.MessageBody, {
    messageLimitBytes: settings.MessageLimitBytes,
    multiItemLimitBytes: settings.MultiItemLimitBytes,
    extendedDataLimitBytes: settings.ExtendedDataLimitBytes,
  });
  if (!body.ok) return fail(body.code);
  if (!(await isRegistered(db, req.FromUserId))) return fail(CODE.senderNotRegistered);

  const auditInfos = moderate(body.texts, settings.BlockedWords);
  const id = await storeBroadcast(db, {
    fromUserId: req.FromUserId,
    messageType: req.MessageType,
    subMsgType: req.MessageType === 200 ? req.SubMsgType : undefined,
    messageBody: body.body,
    pushType: req.PushType ?? 0,
    auditInfos,
    sentAt: now,
    dailyLimit: settings.BroadcastDailyLimit,
  });
  if (id === undefined) return fail(CODE.broadcastRateLimited);
  return { Code: CODE.success, ...(auditInfos.length > 0 ? { AuditInfos: auditInfos } : {}) };
};
