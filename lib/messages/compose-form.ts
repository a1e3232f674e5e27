import type { GroupMessageType, MultiItemType } from "@/lib/zim/message-types";
import type { SendGroupMessageInput } from "@/lib/zim/schemas/send-group-message";
import { parseRecipients } from "./recipients";

/**
 * The composer's form: plain fields an operator fills in, never raw JSON. Numbers are kept as the text typed so
 * a half-typed value is shown as typed; `buildRequest` turns the form into the exact SendGroupMessage body, and
 * lib/zim's schema judges that body (compose-validation.ts), so the rules live in one place.
 */
export interface MediaValues {
  uid: string;
  url: string;
  fileName: string;
  size: string;
  width: string;
  height: string;
  duration: string;
  thumbUrl: string;
  thumbWidth: string;
  thumbHeight: string;
}

export interface ItemValues {
  msgType: MultiItemType;
  text: string;
  subMsgType: string;
  searchedContent: string;
  media: MediaValues;
}

export type RecipientMode = "all" | "only" | "except";

/** What every message form shares — app, sender, type, body, offline push — and the pieces in components/message-form edit. */
export interface BodyValues {
  appKey: string;
  fromUserId: string;
  messageType: GroupMessageType;
  text: string;
  isBase64: boolean;
  extendedData: string;
  subMsgType: string;
  searchedContent: string;
  media: MediaValues;
  items: ItemValues[];
  push: { enabled: boolean; title: string; content: string; payload: string };
}

export interface ComposeValues extends BodyValues {
  groupId: string;
  priority: 1 | 2 | 3;
  noUnread: boolean;
  recipientMode: RecipientMode;
  recipientsText: string;
}

export function newUid(): string {
  return globalThis.crypto.randomUUID();
}

export function emptyMedia(uid = newUid()): MediaValues {
  return { uid, url: "", fileName: "", size: "", width: "", height: "", duration: "", thumbUrl: "", thumbWidth: "", thumbHeight: "" };
}

export function emptyItem(msgType: MultiItemType = 1): ItemValues {
  return { msgType, text: "", subMsgType: "", searchedContent: "", media: emptyMedia() };
}

export function emptyCompose(appKey = "", fromUserId = ""): ComposeValues {
  return {
    appKey, fromUserId, groupId: "", messageType: 1, priority: 2, text: "", isBase64: false, extendedData: "",
    subMsgType: "", searchedContent: "", media: emptyMedia(), items: [emptyItem()],
    push: { enabled: false, title: "", content: "", payload: "" }, noUnread: false, recipientMode: "all", recipientsText: "",
  };
}

/** "" → absent; anything else → a number (NaN for non-numbers, which the schema then names). */
export function num(text: string): number | undefined {
  return text.trim() === "" ? undefined : Number(text.trim());
}
export const opt = (text: string) => (text === "" ? undefined : text);

/** The media JSON object of an image (11), file (12), audio (13) or video (14) message (zim-api.md §3.2). */
export function mediaObject(type: 11 | 12 | 13 | 14, m: MediaValues): Record<string, unknown> {
  const picture = (url: string, w: string, h: string) => ({ Url: url, Width: num(w), Height: num(h) });
  const thumb = m.thumbUrl ? picture(m.thumbUrl, m.thumbWidth, m.thumbHeight) : undefined;
  if (type === 11) return { Uid: m.uid, Origin: picture(m.url, m.width, m.height), Thumbnail: thumb, FileName: m.fileName, Size: num(m.size) };
  const base = { Uid: m.uid, Url: m.url, FileName: m.fileName, Size: num(m.size) };
  if (type === 12) return base;
  if (type === 13) return { ...base, MediaDuration: num(m.duration) };
  return { ...base, MediaDuration: num(m.duration), Thumbnail: thumb };
}

function itemObject(item: ItemValues): Record<string, unknown> {
  if (item.msgType === 1) return { MsgType: 1, Msg: item.text };
  if (item.msgType === 200) return { MsgType: 200, SubMsgType: num(item.subMsgType), Msg: item.text, SearchedContent: opt(item.searchedContent) };
  return { MsgType: item.msgType, Msg: JSON.stringify(mediaObject(item.msgType, item.media)) };
}

export function messageText(v: Pick<BodyValues, "messageType" | "items" | "media" | "text">): string {
  if (v.messageType === 10) return JSON.stringify({ MultiMsg: v.items.map(itemObject) });
  if (v.messageType >= 11 && v.messageType <= 14) return JSON.stringify(mediaObject(v.messageType as 11 | 12 | 13 | 14, v.media));
  return v.text;
}

/** The SendGroupMessage body exactly as it will be sent; IDs are trimmed (edge spaces are never meant). */
export function buildRequest(v: ComposeValues): SendGroupMessageInput {
  const command = v.messageType === 2;
  const custom = v.messageType === 200;
  const push = v.push.enabled && !command
    ? { Enable: 1 as const, Title: opt(v.push.title), Content: opt(v.push.content), Payload: opt(v.push.payload) }
    : undefined;
  const ids = v.recipientMode === "all" ? undefined : parseRecipients(v.recipientsText).ids;
  const target = ids ? { ReceiverUserIds: ids, Inclusive: v.recipientMode === "only" } : undefined;
  const options = target || v.noUnread ? { ...(v.noUnread && !target ? { NoUnread: true } : {}), ...(target ? { TargetOption: target } : {}) } : undefined;
  return strip({
    FromUserId: v.fromUserId.trim(),
    GroupId: v.groupId.trim(),
    MessageType: v.messageType,
    Priority: v.priority,
    MessageBody: {
      Message: messageText(v),
      ExtendedData: opt(v.extendedData),
      OfflinePush: push,
      IsBase64: command && v.isBase64 ? 1 : undefined,
    },
    SubMsgType: custom ? num(v.subMsgType) : undefined,
    SearchedContent: custom ? opt(v.searchedContent) : undefined,
    SendMsgOptions: options,
  }) as SendGroupMessageInput;
}

/** Drops undefined keys at every level, so the preview and the wire show the same object. */
export function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, strip(v)]));
  }
  return value;
}
