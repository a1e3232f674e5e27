import type { FieldErrors, FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";
import type { ZimLimits } from "@/lib/zim/limits";
import { audioContentSchema, fileContentSchema, imageContentSchema, videoContentSchema } from "@/lib/zim/schemas/media";
import { makeSendGroupMessageSchema } from "@/lib/zim/schemas/send-group-message";
import { subMsgTypeSchema } from "@/lib/zim/schemas/custom-message";
import { maxBytes } from "@/lib/zim/schemas/fields";
import { buildRequest, mediaObject, type ComposeValues, type MediaValues } from "./compose-form";
import { parseRecipients } from "./recipients";

/** A problem beside one field of the composer; `path` is the form's ("items.2.media.url"). */
export interface FormIssue {
  path: string;
  message: string;
}

const CONTENT: Record<11 | 12 | 13 | 14, z.ZodType> = { 11: imageContentSchema, 12: fileContentSchema, 13: audioContentSchema, 14: videoContentSchema };

/** Media JSON keys → the composer's fields and the names operators see in messages. */
const MEDIA_FIELDS: Record<string, [keyof MediaValues, string]> = {
  Uid: ["uid", "The unique ID"],
  Url: ["url", "The file URL"],
  "Origin.Url": ["url", "The image URL"],
  "Origin.Width": ["width", "The width"],
  "Origin.Height": ["height", "The height"],
  FileName: ["fileName", "The file name"],
  Size: ["size", "The size"],
  MediaDuration: ["duration", "The duration"],
  "Thumbnail.Url": ["thumbUrl", "The thumbnail URL"],
  "Thumbnail.Width": ["thumbWidth", "The thumbnail width"],
  "Thumbnail.Height": ["thumbHeight", "The thumbnail height"],
};

/** The media fields of an image, file, audio or video message, each problem beside its own field under `prefix`. */
export function mediaIssues(type: 11 | 12 | 13 | 14, media: MediaValues, prefix: string): FormIssue[] {
  const result = CONTENT[type].safeParse(JSON.parse(JSON.stringify(mediaObject(type, media))));
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const key = issue.path.join(".");
    const [field, label] = MEDIA_FIELDS[key] ?? ["url", key];
    return { path: `${prefix}.${field}`, message: `${label} ${issue.message}` };
  });
}

function itemIssues(v: ComposeValues, limits: ZimLimits): FormIssue[] {
  const searchable = maxBytes("search text (SearchedContent)", limits.searchedContentBytes);
  return v.items.flatMap((item, i): FormIssue[] => {
    const at = `items.${i}`;
    if (item.msgType !== 1 && item.msgType !== 200) return mediaIssues(item.msgType, item.media, `${at}.media`);
    const issues: FormIssue[] = [];
    if (item.text === "") issues.push({ path: `${at}.text`, message: "Enter the message." });
    if (item.msgType === 200) {
      if (item.subMsgType.trim() !== "") {
        const sub = subMsgTypeSchema.safeParse(Number(item.subMsgType));
        if (!sub.success) issues.push({ path: `${at}.subMsgType`, message: sub.error.issues[0]!.message });
      }
      const search = searchable.safeParse(item.searchedContent);
      if (!search.success) issues.push({ path: `${at}.searchedContent`, message: search.error.issues[0]!.message });
    }
    return issues;
  });
}

/**
 * The form field a SendGroupMessage (or SendMessageToAllUsers) issue belongs to, also for errors the server
 * returns; the two bodies name their shared fields alike.
 */
export function fieldForWirePath(path: readonly PropertyKey[], messageType: number): string {
  const key = path.map(String).join(".");
  if (key.startsWith("MessageBody.Message")) {
    return messageType === 10 ? "items.root" : messageType >= 11 && messageType <= 14 ? "media.root" : "text";
  }
  const table: [string, string][] = [
    ["FromUserId", "fromUserId"], ["GroupId", "groupId"], ["MessageType", "messageType"], ["Priority", "priority"],
    ["MessageBody.ExtendedData", "extendedData"], ["MessageBody.IsBase64", "isBase64"],
    ["MessageBody.OfflinePush.Title", "push.title"], ["MessageBody.OfflinePush.Content", "push.content"],
    ["MessageBody.OfflinePush.Payload", "push.payload"], ["MessageBody.OfflinePush", "push.enabled"],
    ["SubMsgType", "subMsgType"], ["SearchedContent", "searchedContent"], ["SendMsgOptions", "recipientsText"],
    ["PushType", "pushType"],
  ];
  return table.find(([prefix]) => key === prefix || key.startsWith(`${prefix}.`))?.[1] ?? "root";
}

/**
 * Every problem of the composed message, each beside its field: the recipient list line by line, media and
 * multi-item fields one by one, then the whole body through lib/zim's SendGroupMessage schema with the app's limits
 * (the same check the server action and the send verb make).
 */
export function composeIssues(v: ComposeValues, limits: ZimLimits): FormIssue[] {
  const issues: FormIssue[] = [];
  if (!v.appKey) issues.push({ path: "appKey", message: "Choose the ZIM app to send through." });
  if (v.recipientMode !== "all") {
    const list = parseRecipients(v.recipientsText);
    const first = list.invalid[0];
    if (first) issues.push({ path: "recipientsText", message: `Line ${first.line}: ${first.message}` });
    else if (v.recipientMode === "except" && list.ids.length === 0) {
      issues.push({ path: "recipientsText", message: "Add at least one member to leave out, or choose the whole group." });
    }
  }
  const type = v.messageType;
  const detailed = type === 10 ? itemIssues(v, limits) : type >= 11 && type <= 14 ? mediaIssues(type as 11, v.media, "media") : [];
  issues.push(...detailed);
  const parsed = makeSendGroupMessageSchema(limits).safeParse(buildRequest(v));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = fieldForWirePath(issue.path, type);
      // Media and item problems are already beside their own fields; the body-level copy adds only sizes.
      if ((path === "media.root" || path === "items.root") && detailed.length > 0) continue;
      issues.push({ path, message: issue.message });
    }
  }
  const seen = new Set<string>();
  return issues.filter((i) => !seen.has(i.path) && seen.add(i.path));
}

/** Issues in react-hook-form's nested error shape (numeric segments become array slots). */
export function toFieldErrors<V extends FieldValues = ComposeValues>(issues: FormIssue[]): FieldErrors<V> {
  const errors: Record<string, unknown> = {};
  for (const issue of issues) {
    const parts = issue.path.split(".");
    let node = errors as Record<string, unknown>;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        node[part] = { type: "zim", message: issue.message };
        return;
      }
      node[part] ??= /^\d+$/.test(parts[i + 1]!) ? [] : {};
      node = node[part] as Record<string, unknown>;
    });
  }
  return errors as FieldErrors<V>;
}

/** The form's resolver; the limits follow the app chosen in the form itself. */
export function composeResolver(limitsFor: (appKey: string) => ZimLimits): Resolver<ComposeValues> {
  return async (values) => {
    const issues = composeIssues(values, limitsFor(values.appKey));
    return issues.length === 0 ? { values, errors: {} } : { values: {}, errors: toFieldErrors<ComposeValues>(issues) };
  };
}
