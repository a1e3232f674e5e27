import { emptyCompose, messageText, num, opt, strip, type BodyValues } from "@/lib/messages/compose-form";
import { valuesFromRequest } from "@/lib/messages/compose-from-request";
import type { BroadcastMessageType } from "@/lib/zim/message-types";
import { PUSH_TYPES, type SendMessageToAllUsersInput } from "@/lib/zim/schemas/send-message-to-all-users";

export type PushTypeValue = (typeof PUSH_TYPES)[number];

/**
 * The announcement form: the body every message form shares, plus who receives it (PushType, D6: 0 by default).
 * There is no group, priority, recipient list or searchable text: SendMessageToAllUsers has none of them.
 */
export interface AnnouncementValues extends BodyValues {
  messageType: BroadcastMessageType;
  pushType: PushTypeValue;
}

export function emptyAnnouncement(appKey = "", fromUserId = ""): AnnouncementValues {
  const { appKey: app, fromUserId: from, text, isBase64, extendedData, subMsgType, searchedContent, media, items, push } = emptyCompose(appKey, fromUserId);
  return { appKey: app, fromUserId: from, messageType: 1, text, isBase64, extendedData, subMsgType, searchedContent, media, items, push, pushType: 0 };
}

/**
 * The SendMessageToAllUsers body exactly as it will be sent. With PushType 1 or 2 the offline push is on
 * (Enable 1) and carries the title and text typed; with 0 nobody is pushed, so no OfflinePush is sent.
 */
export function buildAnnouncementRequest(v: AnnouncementValues): SendMessageToAllUsersInput {
  const push = v.pushType === 0 ? undefined : { Enable: 1 as const, Title: opt(v.push.title), Content: opt(v.push.content), Payload: opt(v.push.payload) };
  return strip({
    FromUserId: v.fromUserId.trim(),
    MessageType: v.messageType,
    MessageBody: { Message: messageText(v), ExtendedData: opt(v.extendedData), OfflinePush: push },
    SubMsgType: v.messageType === 200 ? num(v.subMsgType) : undefined,
    PushType: v.pushType,
  }) as SendMessageToAllUsersInput;
}

const BROADCAST_TYPES: readonly number[] = [1, 11, 12, 13, 14, 200];

/** The form from a recorded announcement ("edit and send as a new announcement"), the inverse of the above. */
export function announcementFromRequest(request: Record<string, unknown>, appKey: string): AnnouncementValues {
  const { groupId: _g, priority: _p, noUnread: _n, recipientMode: _m, recipientsText: _r, ...body } = valuesFromRequest(request, appKey);
  const messageType = (BROADCAST_TYPES.includes(body.messageType) ? body.messageType : 1) as BroadcastMessageType;
  const pushType = request.PushType === 1 || request.PushType === 2 ? request.PushType : 0;
  return { ...body, messageType, isBase64: false, searchedContent: "", push: { ...body.push, enabled: pushType !== 0 }, pushType };
}
