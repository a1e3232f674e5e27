import { z } from "zod";
import { base64DecodedLength, isStrictBase64 } from "../base64";
import type { ZimLimits } from "../limits";
import { isMediaType, MESSAGE_TYPE_LABELS, type MessageTypeValue } from "../message-types";
import { utf8ByteLength } from "../utf8";
import { flag01, maxBytes, tooLong, wireObject } from "./fields";
import { mediaMessageProblems } from "./media";
import { multiMsgProblems } from "./multi-msg";
import { offlinePushSchema } from "./offline-push";

/**
 * MessageBody (zim-api.md §3.2). Field-level rules live in the schema; the rules that depend on MessageType run
 * from the request schema through `messageBodyProblems`, and all land on ["MessageBody", <field>].
 */
function bodyShape(limits: ZimLimits) {
  return {
    Message: z.string({ error: "Enter the message." }).min(1, "Enter the message."),
    ExtendedData: maxBytes("extended data", limits.extendedDataBytes).optional(),
    OfflinePush: offlinePushSchema.optional(),
    HasReceipt: flag01("Read receipt").optional(),
  };
}

/** SendGroupMessage's MessageBody; IsBase64 = 1 marks a command message whose Message is base64. */
export function makeMessageBodySchema(limits: ZimLimits) {
  return wireObject({ ...bodyShape(limits), IsBase64: flag01("Base64").optional() });
}

/** SendMessageToAllUsers cannot carry command messages, so IsBase64 is not one of its fields. */
export function makeBroadcastMessageBodySchema(limits: ZimLimits) {
  return wireObject(bodyShape(limits));
}

export interface MessageBodyLike {
  Message: string;
  IsBase64?: 0 | 1;
}

export interface BodyProblem {
  path: ["MessageBody", "Message" | "IsBase64"];
  message: string;
}

const MESSAGE: BodyProblem["path"] = ["MessageBody", "Message"];

/** Type-dependent checks of a MessageBody whose own fields already passed (D4 for every size). */
export function messageBodyProblems(type: MessageTypeValue, body: MessageBodyLike, limits: ZimLimits): BodyProblem[] {
  const at = (message: string): BodyProblem => ({ path: MESSAGE, message });
  const label = `${MESSAGE_TYPE_LABELS[type]} message`;
  const text = body.Message;
  if (text.length === 0) return []; // "Enter the message." is already on the field.

  if (body.IsBase64 === 1 && type !== 2) {
    return [{ path: ["MessageBody", "IsBase64"], message: "Only command messages (type 2) can be sent as base64." }];
  }
  if (type === 2 && body.IsBase64 === 1) {
    if (!isStrictBase64(text)) {
      return [at("Base64 is on, so the message must be base64 text (A–Z, a–z, 0–9, + and /, padded with =).")];
    }
    // The server decodes first, so the limit is on the decoded bytes.
    const decoded = base64DecodedLength(text);
    return decoded > limits.messageBytes ? [at(tooLong(`decoded ${label}`, decoded, limits.messageBytes))] : [];
  }

  const max = type === 10 ? limits.multiItemMessageBytes : limits.messageBytes;
  const bytes = utf8ByteLength(text);
  if (bytes > max) return [at(tooLong(label, bytes, max))];
  if (type === 10) return multiMsgProblems(text, limits).map(at);
  if (isMediaType(type)) return mediaMessageProblems(type, text).map(at);
  return [];
}
