import { z } from "zod";
import { INVITE_USERS_MAX } from "../limits";
import { flag01, whenValid, wireObject } from "./fields";
import { zimId } from "./id";

const tooMany = `Add at most ${INVITE_USERS_MAX} members at a time.`;

/**
 * InviteUsersIntoGroup request body (add-group-members.yaml, 1 call/s per group). The YAML offers two equivalent
 * lists and ignores UserIds when GroupMemberInfos is non-empty, so exactly one of them must be filled in here —
 * sending both would silently drop one.
 */
export const inviteUsersIntoGroupSchema = wireObject({
  FromUserId: zimId("inviting user ID"),
  GroupId: zimId("group ID"),
  UserIds: z
    .array(zimId("member user ID"), { error: "The members must be a list of user IDs." })
    .max(INVITE_USERS_MAX, tooMany)
    .optional(),
  GroupMemberInfos: z
    .array(
      wireObject({
        UserId: zimId("member user ID"),
        /** Milliseconds; 0 or absent means now. */
        EnterGroupTime: z.int({ error: "The join time must be a time in milliseconds." }).min(0).optional(),
        /** 0 joins at once, 1 waits for the user's consent. */
        IsInvite: flag01("Ask for consent").optional(),
      }),
      { error: "The members must be a list." },
    )
    .max(INVITE_USERS_MAX, tooMany)
    .optional(),
}).superRefine((input, ctx) => {
  const ids = input.UserIds?.length ?? 0;
  const infos = input.GroupMemberInfos?.length ?? 0;
  if (ids === 0 && infos === 0) {
    ctx.addIssue({ code: "custom", path: ["UserIds"], message: "Add at least one member." });
  } else if (ids > 0 && infos > 0) {
    ctx.addIssue({ code: "custom", path: ["UserIds"], message: "Use either UserIds or GroupMemberInfos, not both." });
  }
}, whenValid(["UserIds"], ["GroupMemberInfos"]));
export default inviteUsersIntoGroupSchema;

export type InviteUsersIntoGroupInput = z.input<typeof inviteUsersIntoGroupSchema>;
export type InviteUsersIntoGroupRequest = z.output<typeof inviteUsersIntoGroupSchema>;
