import { z } from "zod";
import { forbiddenIdChars } from "@/lib/zim/schemas/id";
import { utf8ByteLength } from "@/lib/zim/utf8";

/**
 * The Sandbox page's forms, shared by the browser and the server actions. IDs follow the ZIM rule (zim-api.md
 * §1.5) so the rehearsal world only holds IDs the real service would accept. Messages are "validation" keys.
 */
const zimId = z
  .string()
  .trim()
  .min(1, "required")
  .refine((v) => forbiddenIdChars(v).length === 0 && utf8ByteLength(v) <= 32, "zimId");

/** Splits pasted IDs on newlines, commas and spaces-around-commas; blank entries are dropped. */
export function splitIds(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export const addUserSchema = z.object({
  UserId: zimId,
  UserName: z.string().trim().max(64, "tooLong"),
  Online: z.boolean(),
  PushRegistered: z.boolean(),
});

export const addGroupSchema = z.object({
  GroupId: zimId.refine((v) => !v.startsWith("#"), "groupIdHash"),
  GroupName: z.string().trim().max(50, "tooLong"),
  GroupOwner: zimId,
  Members: z
    .string()
    .max(20_000, "tooLong")
    .refine((text) => splitIds(text).every((id) => forbiddenIdChars(id).length === 0 && utf8ByteLength(id) <= 32), "memberIds"),
});

export const setUserFlagsSchema = z.object({
  UserId: zimId,
  Online: z.boolean().optional(),
  PushRegistered: z.boolean().optional(),
});

export const sandboxSettingsSchema = z.object({
  BlockedWords: z.string().max(5_000, "tooLong"),
  RecallWindowSeconds: z.number({ error: "number" }).int("integer").min(1, "recallWindowRange").max(86_400, "recallWindowRange"),
  /** D7: the sandbox answers 660500003 past this many announcements in any 24 hours; the quota meter reads it too. */
  BroadcastDailyLimit: z.number({ error: "number" }).int("integer").min(1, "atLeastOne").max(1_000_000, "tooLarge"),
});

/** The reset button's only input: an explicit confirmation. */
export const resetSandboxSchema = z.object({ confirm: z.literal(true) });

export type AddUserInput = z.input<typeof addUserSchema>;
export type AddGroupInput = z.input<typeof addGroupSchema>;
export type SandboxSettingsInput = z.input<typeof sandboxSettingsSchema>;
