import { z } from "zod";
import { DEFAULT_ZIM_LIMITS, resolveZimLimits, type ZimLimits } from "../limits";
import { describeTypes, GROUP_MESSAGE_TYPES } from "../message-types";
import { customFieldProblems, subMsgTypeSchema } from "./custom-message";
import { maxBytes, whenValid, wireObject } from "./fields";
import { zimId } from "./id";
import { makeMessageBodySchema, messageBodyProblems } from "./message-body";
import { makeSendMsgOptionsSchema, targetOptionProblems } from "./target-option";

/**
 * SendGroupMessage request body (zim-api.md §4). Limits come per app (D4, D8); `sendGroupMessageSchema` uses the
 * defaults. The schema does not check that the sender is a group member: the API does not either (D9).
 */
export function makeSendGroupMessageSchema(overrides: Partial<ZimLimits> = {}) {
  const limits = resolveZimLimits(overrides);
  return makeSendGroupMessageFields(limits)
    .superRefine((input, ctx) => {
      for (const p of customFieldProblems(input)) ctx.addIssue({ code: "custom", ...p });
    }, whenValid(["MessageType"], ["SubMsgType"], ["SearchedContent"]))
    .superRefine((input, ctx) => {
      for (const p of messageBodyProblems(input.MessageType, input.MessageBody, limits)) {
        ctx.addIssue({ code: "custom", ...p });
      }
    }, whenValid(["MessageType"], ["MessageBody", "Message"], ["MessageBody", "IsBase64"]))
    .superRefine((input, ctx) => {
      for (const p of targetOptionProblems(input.FromUserId, input.SendMsgOptions?.TargetOption)) {
        ctx.addIssue({ code: "custom", ...p });
      }
    }, whenValid(["FromUserId"], ["SendMsgOptions", "TargetOption"]));
}

/**
 * The fields alone, without the cross-field rules. zod 4 refuses .pick()/.omit()/.partial() on a refined object,
 * so a form that needs a subset starts from this (and loses the rules between fields); .extend() works on both.
 */
export function makeSendGroupMessageFields(overrides: Partial<ZimLimits> = {}) {
  const limits = resolveZimLimits(overrides);
  return wireObject({
    FromUserId: zimId("sender user ID"),
    GroupId: zimId("group ID"),
    MessageType: z.literal(GROUP_MESSAGE_TYPES, {
      error: `Choose a message type for a group: ${describeTypes(GROUP_MESSAGE_TYPES)}.`,
    }),
    // High (3) may pass a rate limit that stops lower priorities (D15); nothing in the console relies on it.
    Priority: z.literal([1, 2, 3], { error: "Choose a priority: 1 (low), 2 (medium) or 3 (high)." }),
    MessageBody: makeMessageBodySchema(limits),
    SubMsgType: subMsgTypeSchema.optional(),
    SearchedContent: maxBytes("search text (SearchedContent)", limits.searchedContentBytes).optional(),
    SendMsgOptions: makeSendMsgOptionsSchema(limits).optional(),
  });
}

export const sendGroupMessageSchema = makeSendGroupMessageSchema(DEFAULT_ZIM_LIMITS);
export default sendGroupMessageSchema;

export type SendGroupMessageSchema = ReturnType<typeof makeSendGroupMessageSchema>;
/** What a form or a caller fills in. */
export type SendGroupMessageInput = z.input<SendGroupMessageSchema>;
/** What goes on the wire. */
export type SendGroupMessageRequest = z.output<SendGroupMessageSchema>;
