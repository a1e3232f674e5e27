/** The Actions the sandbox speaks (no server imports, so console forms may use the list too). */
export const SANDBOX_ACTIONS = [
  "SendGroupMessage",
  "SendMessageToAllUsers",
  "RevokeGroupMessage",
  "UserRegister",
  "CreateGroup",
  "InviteUsersIntoGroup",
  "QueryAppGroupList",
  "QueryGroupInfo",
  "QueryGroupMemberList",
  "QueryUserOnlineState",
] as const;

export type SandboxAction = (typeof SANDBOX_ACTIONS)[number];

export function isSandboxAction(name: string): name is SandboxAction {
  return (SANDBOX_ACTIONS as readonly string[]).includes(name);
}
