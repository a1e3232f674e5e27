import type { z } from "zod";
import type { ZimLimits } from "./limits";
import * as res from "./responses";
import { createGroupSchema } from "./schemas/create-group";
import { inviteUsersIntoGroupSchema } from "./schemas/invite-users-into-group";
import { queryAppGroupListSchema } from "./schemas/query-app-group-list";
import { queryGroupInfoSchema } from "./schemas/query-group-info";
import { queryGroupMemberListSchema } from "./schemas/query-group-member-list";
import { queryUserOnlineStateSchema } from "./schemas/query-user-online-state";
import { revokeGroupMessageSchema } from "./schemas/revoke-group-message";
import { makeSendGroupMessageSchema } from "./schemas/send-group-message";
import { makeSendMessageToAllUsersSchema } from "./schemas/send-message-to-all-users";
import { userRegisterSchema } from "./schemas/user-register";

/**
 * The Actions the console calls: HTTP method, request schema (built with the app's limits) and the shape of a
 * Code-0 answer. GET Actions carry their parameters in the query string, POST Actions as a JSON body (§1.1).
 */
export interface ActionSpec<Req extends z.ZodType, Res extends z.ZodType<res.ZimEnvelope>> {
  method: "GET" | "POST";
  request: (limits: Partial<ZimLimits>) => Req;
  response: Res;
}

function spec<Req extends z.ZodType, Res extends z.ZodType<res.ZimEnvelope>>(
  method: "GET" | "POST",
  request: (limits: Partial<ZimLimits>) => Req,
  response: Res,
): ActionSpec<Req, Res> {
  return { method, request, response };
}

const fixed =
  <S extends z.ZodType>(schema: S) =>
  (): S =>
    schema;

export const ZIM_ACTIONS = {
  SendGroupMessage: spec("POST", makeSendGroupMessageSchema, res.sendGroupMessageResponseSchema),
  SendMessageToAllUsers: spec("POST", makeSendMessageToAllUsersSchema, res.sendMessageToAllUsersResponseSchema),
  RevokeGroupMessage: spec("POST", fixed(revokeGroupMessageSchema), res.revokeGroupMessageResponseSchema),
  QueryAppGroupList: spec("GET", fixed(queryAppGroupListSchema), res.queryAppGroupListResponseSchema),
  QueryGroupInfo: spec("POST", fixed(queryGroupInfoSchema), res.queryGroupInfoResponseSchema),
  QueryGroupMemberList: spec("POST", fixed(queryGroupMemberListSchema), res.queryGroupMemberListResponseSchema),
  QueryUserOnlineState: spec("GET", fixed(queryUserOnlineStateSchema), res.queryUserOnlineStateResponseSchema),
  UserRegister: spec("POST", fixed(userRegisterSchema), res.userRegisterResponseSchema),
  CreateGroup: spec("POST", fixed(createGroupSchema), res.createGroupResponseSchema),
  InviteUsersIntoGroup: spec("POST", fixed(inviteUsersIntoGroupSchema), res.inviteUsersIntoGroupResponseSchema),
};

export type ZimActionName = keyof typeof ZIM_ACTIONS;
type Spec<A extends ZimActionName> = (typeof ZIM_ACTIONS)[A];

/** What a caller passes for Action A (before defaults such as PushType = 0 are applied). */
export type ZimActionInput<A extends ZimActionName> = z.input<ReturnType<Spec<A>["request"]>>;
/** The Code-0 answer of Action A. */
export type ZimActionResponse<A extends ZimActionName> = z.output<Spec<A>["response"]>;
