import { z } from "zod";
import { DEFAULT_ZIM_LIMITS, resolveZimLimits, type ZimLimits } from "../limits";
import { BROADCAST_MESSAGE_TYPES, describeTypes } from "../message-types";
import { customFieldProblems, subMsgTypeSchema } from "./custom-message";
import { whenValid, wireObject } from "./fields";
import { zimId } from "./id";
import { makeBroadcastMessageBodySchema, messageBodyProblems } from "./message-body";

/**
 * Who a broadcast reaches (zim-api.md §5): 0 online users only, 1 online users plus an offline push to offline
 * users, 2 an offline push to every user that reported a ZPNs push ID. Default 0 (D6).
 */
export const PUSH_TYPES = [0, 1, 2] as const;

/**
 * SendMessageToAllUsers request body (zim-api.md §5). No Priority and no SearchedContent: neither is a field of this
 * Action. Command (2) and multi-item (10) messages cannot be broadcast. PushType is always sent, 0 when left out (D6).
 */
export function makeSendMessageToAllUsersSchema(overrides: Partial<ZimLimits> = {}) {
  const limits = resolveZimLimits(overrides);
  return makeSendMessageToAllUsersFields(limits)
    .superRefine((input, ctx) => {
      for (const p of customFieldProblems(input)) ctx.addIssue({ code: "custom", ...p });
    }, whenValid(["MessageType"], ["SubMsgType"]))
    .superRefine((input, ctx) => {
      for (const p of messageBodyProblems(input.MessageType, input.MessageBody, limits)) {
        ctx.addIssue({ code: "custom", ...p });
      }
    }, whenValid(["MessageType"], ["MessageBody", "Message"]));
}

/** The fields without the cross-field rules, for .pick()/.omit() (see makeSendGroupMessageFields). */
export function makeSendMessageToAllUsersFields(overrides: Partial<ZimLimits> = {}) {
  const limits = resolveZimLimits(overrides);
  return wireObject({
    FromUserId: zimId("sender user ID"),
    MessageType: z.literal(BROADCAST_MESSAGE_TYPES, {
      error: `Choose a message type for a broadcast: ${describeTypes(BROADCAST_MESSAGE_TYPES)}.`,
    }),
    MessageBody: makeBroadcastMessageBodySchema(limits),
    SubMsgType: subMsgTypeSchema.optional(),
    PushType: z
      .literal(PUSH_TYPES, {
        error: "Choose who receives it: 0 (online users), 1 (online users and push to offline users) or 2 (push only).",
      })
      .default(0),
  });
}

export const sendMessageToAllUsersSchema = makeSendMessageToAllUsersSchema(DEFAULT_ZIM_LIMITS);
export default sendMessageToAllUsersSchema;

export type SendMessageToAllUsersSchema = ReturnType<typeof makeSendMessageToAllUsersSchema>;
export type SendMessageToAllUsersInput = z.input<SendMessageToAllUsersSchema>;
export type SendMessageToAllUsersRequest = z.output<SendMessageToAllUsersSchema>;
