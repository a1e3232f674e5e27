/**
 * ZIM MessageType values and where each may be sent (zim-api.md §3.1). Client-safe: forms build their type
 * pickers from these lists.
 */
export const MessageType = {
  Text: 1,
  Command: 2,
  MultiItem: 10,
  Image: 11,
  File: 12,
  Audio: 13,
  Video: 14,
  Custom: 200,
} as const;

export type MessageTypeValue = (typeof MessageType)[keyof typeof MessageType];

/** SendGroupMessage: everything except the room-only pop-up (20). */
export const GROUP_MESSAGE_TYPES = [1, 2, 10, 11, 12, 13, 14, 200] as const;
/** SendMessageToAllUsers: no command and no multi-item messages. */
export const BROADCAST_MESSAGE_TYPES = [1, 11, 12, 13, 14, 200] as const;
/** Item types inside a multi-item message. */
export const MULTI_ITEM_TYPES = [1, 11, 12, 13, 14, 200] as const;

export type GroupMessageType = (typeof GROUP_MESSAGE_TYPES)[number];
export type BroadcastMessageType = (typeof BROADCAST_MESSAGE_TYPES)[number];
export type MultiItemType = (typeof MULTI_ITEM_TYPES)[number];
export type MediaMessageType = 11 | 12 | 13 | 14;

export const MESSAGE_TYPE_LABELS: Record<MessageTypeValue, string> = {
  1: "text",
  2: "command",
  10: "multi-item",
  11: "image",
  12: "file",
  13: "audio",
  14: "video",
  200: "custom",
};

export function isMediaType(type: number): type is MediaMessageType {
  return type >= 11 && type <= 14;
}

/** "1 (text), 11 (image)" — for messages that list what is allowed. */
export function describeTypes(types: readonly MessageTypeValue[]): string {
  return types.map((t) => `${t} (${MESSAGE_TYPE_LABELS[t]})`).join(", ");
}
