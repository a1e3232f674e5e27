import "server-only";
import { createGroup } from "./create-group";
import { inviteUsersIntoGroup } from "./invite-users-into-group";
import { queryAppGroupList } from "./query-app-group-list";
import { queryGroupInfo } from "./query-group-info";
import { queryGroupMemberList } from "./query-group-member-list";
import { queryUserOnlineState } from "./query-user-online-state";
import { revokeGroupMessage } from "./revoke-group-message";
import { sendGroupMessage } from "./send-group-message";
import { sendMessageToAllUsers } from "./send-message-to-all-users";
import type { SandboxAction } from "./names";
import type { ActionRun } from "./types";
import { userRegister } from "./user-register";

/** The handler of every Action in SANDBOX_ACTIONS; any other name answers 100000007. */
export const ACTIONS: Record<SandboxAction, ActionRun> = {
  SendGroupMessage: sendGroupMessage,
  SendMessageToAllUsers: sendMessageToAllUsers,
  RevokeGroupMessage: revokeGroupMessage,
  UserRegister: userRegister,
  CreateGroup: createGroup,
  InviteUsersIntoGroup: inviteUsersIntoGroup,
  QueryAppGroupList: queryAppGroupList,
  QueryGroupInfo: queryGroupInfo,
  QueryGroupMemberList: queryGroupMemberList,
  QueryUserOnlineState: queryUserOnlineState,
};
