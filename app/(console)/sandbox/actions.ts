"use server";

import { revalidatePath } from "next/cache";
import { actionFor } from "@/lib/actions/safe-action";
import { OperatorError } from "@/lib/actions/operator-error";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { clientIp } from "@/lib/http/client-ip";
import { createGroupWithMembers, resetSandboxWorld, updateSettings, upsertUsers } from "@/lib/sandbox/world";
import { addGroupSchema, addUserSchema, resetSandboxSchema, sandboxSettingsSchema, setUserFlagsSchema, splitIds } from "./schemas";

/** Changes to the rehearsal world. Each is audited like any other operator action, then the page refreshes. */
const change = actionFor("sandbox:write");

async function audited(operator: { id: string; email: string }, action: string, target: string, detail?: Record<string, unknown>) {
  await recordAudit(await getDb(), { actor: operator, action, target, outcome: "success", ipAddress: await clientIp(), detail });
  revalidatePath("/sandbox");
}

export const addUserAction = change.inputSchema(addUserSchema).action(async ({ parsedInput, ctx }) => {
  const { UserId, UserName, Online, PushRegistered } = parsedInput;
  await upsertUsers(await getDb(), [{ UserId, UserName: UserName || undefined, Online, PushRegistered }], new Date());
  await audited(ctx.operator, "sandbox.user", UserId, { Online, PushRegistered });
});

export const setUserFlagsAction = change.inputSchema(setUserFlagsSchema).action(async ({ parsedInput, ctx }) => {
  await upsertUsers(await getDb(), [parsedInput], new Date());
  const { UserId, ...flags } = parsedInput;
  await audited(ctx.operator, "sandbox.user", UserId, flags);
});

export const addGroupAction = change.inputSchema(addGroupSchema).action(async ({ parsedInput, ctx }) => {
  const { GroupId, GroupName, GroupOwner, Members } = parsedInput;
  const members = [...new Set(splitIds(Members))].map((UserId) => ({ UserId }));
  const created = await createGroupWithMembers(await getDb(), { GroupId, GroupName: GroupName || undefined, GroupOwner, Members: members }, new Date());
  if (!created) throw new OperatorError("sandboxGroupExists", { groupId: GroupId });
  await audited(ctx.operator, "sandbox.group", GroupId, { members: members.length + 1 });
});

export const saveSandboxSettingsAction = change.inputSchema(sandboxSettingsSchema).action(async ({ parsedInput, ctx }) => {
  const BlockedWords = [...new Set(splitIds(parsedInput.BlockedWords))];
  const { RecallWindowSeconds, BroadcastDailyLimit } = parsedInput;
  await updateSettings(await getDb(), { BlockedWords, RecallWindowSeconds, BroadcastDailyLimit });
  await audited(ctx.operator, "sandbox.settings", "settings", { blockedWords: BlockedWords.length, recallWindowSeconds: RecallWindowSeconds, broadcastDailyLimit: BroadcastDailyLimit });
});

export const resetSandboxAction = change.inputSchema(resetSandboxSchema).action(async ({ ctx }) => {
  await resetSandboxWorld(await getDb());
  await audited(ctx.operator, "sandbox.reset", "world");
});
