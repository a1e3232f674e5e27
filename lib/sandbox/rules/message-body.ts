import { z } from "zod";
import { CODE } from "../api/codes";
import { decodeStrictBase64 } from "./base64";
import { utf8Bytes } from "./bytes";
import { isMediaType, isValidMediaJson } from "./media";
import { parseMultiItem } from "./multi-item";

export const GROUP_MESSAGE_TYPES = [1, 2, 10, 11, 12, 13, 14, 200] as const;
/** zim-api.md §3.1: no command (2) nor multi-item (10) messages in a broadcast. */
export const BROADCAST_MESSAGE_TYPES = [1, 11, 12, 13, 14, 200] as const;

const zeroOrOne = z.union([z.literal(0), z.literal(1)]);

const offlinePush = z.looseObject({
  Enable: zeroOrOne.optional(),
  Title: z.string().optional(),
  Content: z.string().optional(),
  Payload: z.string().optional(),
  PushStrategyId: z.string().optional(),
  ThreadId: z.string().optional(),
  EnableBadge: z.boolean().optional(),
  // Values above 99 are documented as "treated as 99", so only negatives are refused.
  BadgeIncrement: z.number().int().min(0).optional(),
  PushImageInfo: z.looseObject({}).optional(),
});

export const messageBodySchema = z.looseObject({
  Message: z.string().min(1),
  ExtendedData: z.string().optional(),
  OfflinePush: offlinePush.optional(),
  HasReceipt: zeroOrOne.optional(),
  IsBase64: zeroOrOne.optional(),
});
export type MessageBody = z.infer<typeof messageBodySchema>;

export interface BodyLimits {
  messageLimitBytes: number;
  multiItemLimitBytes: number;
  extendedDataLimitBytes: number;
}

/** Text a moderator reads, with the AuditInfos Index it reports (the item's position in a multi-item message). */
export interface ModeratedText {
  index: number;
  text: string;
}

export type BodyCheck = { ok: true; body: MessageBody; texts: ModeratedText[] } | { ok: false; code: number };

/**
 * Checks a MessageBody for its MessageType in three passes, so the most basic problem wins: structure
 * (660000002), then base64 of command messages (660000025), then sizes (D4: UTF-8 bytes, 1 KB = 1024 →
 * 660400001; a base64 command counts its decoded bytes).
 */
export function checkMessageBody(messageType: number, rawBody: unknown, limits: BodyLimits): BodyCheck {
  const parsed = messageBodySchema.safeParse(rawBody);
  if (!parsed.success) return { ok: false, code: CODE.badParameter };
  const body = parsed.data;
  const texts: ModeratedText[] = [];
  if (messageType === 1 || messageType === 200) texts.push({ index: 0, text: body.Message });
  if (isMediaType(messageType) && !isValidMediaJson(messageType, body.Message)) {
    return { ok: false, code: CODE.badParameter };
  }
  if (messageType === 10) {
    const items = parseMultiItem(body.Message);
    if (!items) return { ok: false, code: CODE.badParameter };
    items.forEach((item, index) => {
      if (item.MsgType === 1 || item.MsgType === 200) texts.push({ index, text: item.Msg });
    });
  }

  let messageBytes = utf8Bytes(body.Message);
  if (messageType === 2 && body.IsBase64 === 1) {
    const decoded = decodeStrictBase64(body.Message);
    if (!decoded) return { ok: false, code: CODE.badBase64 };
    messageBytes = decoded.length;
  }

  const limit = messageType === 10 ? limits.multiItemLimitBytes : limits.messageLimitBytes;
  if (messageBytes > limit) return { ok: false, code: CODE.messageTooLarge };
  if (body.ExtendedData !== undefined && utf8Bytes(body.ExtendedData) > limits.extendedDataLimitBytes) {
    return { ok: false, code: CODE.messageTooLarge };
  }
  return { ok: true, body, texts };
}
