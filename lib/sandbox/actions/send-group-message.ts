import "server-only";
import { z } from "zod";
import { CODE } from "../api/codes";
import { fail } from "../api/envelope";
import { maxBytes, isZimId, zimId } from "../rules/ids";
import { checkMessageBody, GROUP_MESSAGE_TYPES } from "../rules/message-body";
import { moderate } from "../rules/moderation";
import { findGroup } from "../world/groups";
import { storeGroupMessage } from "../world/messages";
import { isRegistered } from "../world/users";
import type { ActionRun } from "./types";

const schema = z
  .looseObject({
    FromUserId: zimId,
    GroupId: zimId,
    MessageType: z.number().refine((t) => (GROUP_MESSAGE_TYPES as readonly number[]).includes(t)),
    Priority: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    MessageBody: z.unknown(),
    SubMsgType: z.number().int().min(0).max(200).optional(),
    SearchedContent: maxBytes(64).optional(),
    SendMsgOptions: z
      .looseObject({
        NoUnread: z.boolean().optional(),
        TargetOption: z
          .looseObject({
            ReceiverUserIds: z.array(z.string().refine(isZimId)).optional(),
            Inclusive: z.boolean().optional(),
          })
          .optional(),
      })
      .optional(),
  })
  // The EN page: SubMsgType is required when MessageType is 200 (custom).
  .refine((b) => b.MessageType !== 200 || b.SubMsgType !== undefined);

/**
 * SendGroupMessage (zim-api.md §4). Checks in order: parameters (660000002; D8 caps ReceiverUserIds, and the
 * sender may not be listed), body (660000025 / 660400001, D4), sender registered (660500002; D9: membership is
 * not required), group exists (660600001). D5: a moderation hit answers Code 0 with AuditInfos and is delivered
 * to nobody. MsgId goes out as a bigint literal (D10); command messages answer without MsgSeq.
 */
export const sendGroupMessage: ActionRun = async ({ db, now, settings, params }) => {
  const parsed = schema.safeParse(params);
  if (!parsed.success) return fail(CODE.badParameter);
  const req = parsed.data;
  const target = req.SendMsgOptions?.TargetOption;
  const receivers = target?.ReceiverUserIds ?? [];
  if (receivers.length > settings.MaxReceiverUserIds || receivers.includes(req.FromUserId)) {
    return fail(CODE.badParameter);
  }

  const body = checkMessageBody(req.MessageType, req.MessageBody, {
    messageLimitBytes: settings.MessageLimitBytes,
    multiItemLimitBytes: settings.MultiItemLimitBytes,
    extendedDataLimitBytes: settings.ExtendedDataLimitBytes,
  });
  if (!body.ok) return fail(body.code);
  if (!(await isRegistered(db, req.FromUserId))) return fail(CODE.senderNotRegistered);
  if (!(await findGroup(db, req.GroupId))) return fail(CODE.groupNotFound);

  const auditInfos = moderate(body.texts, settings.BlockedWords);
  const custom = req.MessageType === 200;
  const stored = await storeGroupMessage(db, {
    groupId: req.GroupId,
    fromUserId: req.FromUserId,
    messageType: req.MessageType,
    subMsgType: custom ? req.SubMsgType : undefined,
    messageBody: body.body,
    searchedContent: custom ? req.SearchedContent : undefined,
    priority: req.Priority,
    noUnread: req.SendMsgOptions?.NoUnread ?? false,
    targetOption: target ? { ReceiverUserIds: receivers, Inclusive: target.Inclusive ?? false } : undefined,
    auditInfos,
    sentAt: now,
  });
  if (!stored) return fail(CODE.groupNotFound);
  return {
    Code: CODE.success,
    ...(stored.msgSeq === null ? {} : { MsgSeq: stored.msgSeq }),
    MsgId: stored.msgId,
    ...(auditInfos.length > 0 ? { AuditInfos: auditInfos } : {}),
  };
};
