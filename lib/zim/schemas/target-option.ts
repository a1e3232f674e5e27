import { z } from "zod";
import type { ZimLimits } from "../limits";
import { wireObject } from "./fields";
import { zimId } from "./id";

/**
 * SendGroupMessage's SendMsgOptions. A TargetOption makes a "targeted" group message: with Inclusive = true only
 * the listed members receive it, with false (the default) everyone except them. A targeted message NEVER counts as
 * unread, whatever NoUnread says, and receivers cannot reply to, react to, receipt or edit it (zim-api.md §4).
 * The docs give no maximum list size; the console allows `limits.receiverUserIds`, 1,000 by default (D8).
 */
export function makeSendMsgOptionsSchema(limits: ZimLimits) {
  const receivers = z
    .array(zimId("receiver user ID"), { error: "The receivers must be a list of user IDs." })
    .max(limits.receiverUserIds, `At most ${limits.receiverUserIds.toLocaleString("en-US")} receivers are allowed.`)
    .check((ctx) => {
      const seen = new Set<string>();
      ctx.value.forEach((id, index) => {
        if (seen.has(id)) {
          ctx.issues.push({
            code: "custom",
            input: id,
            path: [index],
            continue: true,
            message: `"${id}" is already in the list.`,
          });
        }
        seen.add(id);
      });
    });

  return wireObject({
    NoUnread: z.boolean({ error: "Choose whether the message counts as unread." }).optional(),
    TargetOption: wireObject({
      ReceiverUserIds: receivers.optional(),
      Inclusive: z.boolean({ error: "Choose who receives the message." }).optional(),
    }).optional(),
  });
}

export interface TargetProblem {
  path: (string | number)[];
  message: string;
}

const LIST = ["SendMsgOptions", "TargetOption", "ReceiverUserIds"];

/** The sender always sees its own targeted message and may not be listed; "only these members" needs members. */
export function targetOptionProblems(
  fromUserId: string,
  target: { ReceiverUserIds?: string[] | undefined; Inclusive?: boolean | undefined } | undefined,
): TargetProblem[] {
  if (!target) return [];
  const ids = target.ReceiverUserIds ?? [];
  const problems: TargetProblem[] = [];
  ids.forEach((id, index) => {
    if (id === fromUserId) {
      problems.push({
        path: [...LIST, index],
        message: "The sender cannot be in the receiver list; the sender always sees the message.",
      });
    }
  });
  if (target.Inclusive === true && ids.length === 0) {
    problems.push({ path: LIST, message: "Add at least one member to send the message only to them." });
  }
  return problems;
}
