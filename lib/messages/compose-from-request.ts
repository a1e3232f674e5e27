import type { GroupMessageType, MultiItemType } from "@/lib/zim/message-types";
import { emptyCompose, emptyItem, emptyMedia, type ComposeValues, type ItemValues, type MediaValues } from "./compose-form";

/**
 * The composer's form from a recorded request: "Edit and send again" starts a NEW message (with a new key) from
 * an earlier one. The inverse of buildRequest; anything it cannot read is left empty rather than guessed.
 */
type Json = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : "");
const numText = (v: unknown) => (typeof v === "number" ? String(v) : "");
const obj = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});

function parse(text: string): Json {
  try {
    return obj(JSON.parse(text));
  } catch {
    return {};
  }
}

function mediaFrom(m: Json): MediaValues {
  const origin = obj(m.Origin);
  const thumb = obj(m.Thumbnail);
  return {
    ...emptyMedia(),
    uid: str(m.Uid) || emptyMedia().uid,
    url: str(m.Url) || str(origin.Url),
    fileName: str(m.FileName),
    size: numText(m.Size),
    width: numText(origin.Width),
    height: numText(origin.Height),
    duration: numText(m.MediaDuration),
    thumbUrl: str(thumb.Url),
    thumbWidth: numText(thumb.Width),
    thumbHeight: numText(thumb.Height),
  };
}

function itemFrom(i: Json): ItemValues {
  const type = (typeof i.MsgType === "number" ? i.MsgType : 1) as MultiItemType;
  const item = emptyItem(type);
  if (type === 1 || type === 200) return { ...item, text: str(i.Msg), subMsgType: numText(i.SubMsgType), searchedContent: str(i.SearchedContent) };
  return { ...item, media: mediaFrom(parse(str(i.Msg))) };
}

export function valuesFromRequest(request: Json, appKey: string): ComposeValues {
  const body = obj(request.MessageBody);
  const push = obj(body.OfflinePush);
  const options = obj(request.SendMsgOptions);
  const target = obj(options.TargetOption);
  const ids = Array.isArray(target.ReceiverUserIds) ? target.ReceiverUserIds.filter((x): x is string => typeof x === "string") : [];
  const type = (typeof request.MessageType === "number" ? request.MessageType : 1) as GroupMessageType;
  const message = str(body.Message);
  const values: ComposeValues = {
    ...emptyCompose(appKey, str(request.FromUserId)),
    groupId: str(request.GroupId),
    messageType: type,
    priority: request.Priority === 1 || request.Priority === 3 ? request.Priority : 2,
    isBase64: body.IsBase64 === 1,
    extendedData: str(body.ExtendedData),
    subMsgType: numText(request.SubMsgType),
    searchedContent: str(request.SearchedContent),
    push: { enabled: push.Enable === 1, title: str(push.Title), content: str(push.Content), payload: str(push.Payload) },
    noUnread: options.NoUnread === true,
    recipientMode: "TargetOption" in options ? (target.Inclusive === true ? "only" : "except") : "all",
    recipientsText: ids.join("\n"),
  };
  if (type === 10) {
    const items = Array.isArray(parse(message).MultiMsg) ? (parse(message).MultiMsg as unknown[]).map((i) => itemFrom(obj(i))) : [];
    return { ...values, items: items.length > 0 ? items : [emptyItem()] };
  }
  if (type >= 11 && type <= 14) return { ...values, media: mediaFrom(parse(message)) };
  return { ...values, text: message };
}
