import type { z } from "zod";
import { bulkCreateSchema, bulkIdSchema } from "@/app/(console)/bulk/bulk-input";
import { addGroupSchema, addUserSchema, resetSandboxSchema, sandboxSettingsSchema, setUserFlagsSchema } from "@/app/(console)/sandbox/schemas";
import { announcementActionSchema } from "@/lib/announcements/announcement-input";
import { changePasswordSchema } from "@/lib/auth/schemas/password";
import { signInSchema } from "@/lib/auth/schemas/sign-in";
import { recallActionSchema, sendActionSchema, sendIdSchema } from "@/lib/messages/send-input";
import { createOperatorSchema, resetPasswordSchema, setDisabledSchema, setRoleSchema } from "@/lib/operators/schema";
import { attentionSeenSchema, createItemSchema, editItemSchema, itemVersionSchema, reviewItemSchema } from "@/lib/scheduler/items/schema";
import { appPolicySchema } from "@/lib/scheduler/policy-schema";
import { deleteZimAppSchema, zimAppFormSchema } from "@/lib/zim-apps/schema";
import { newKey } from "@/lib/messages/test-support";
import { DEFAULT_RATE_LIMITS, RATE_LIMITED_ACTIONS } from "@/lib/zim-apps/defaults";

/** What the seeds may refer to: things the fuzz run created before it starts (see server-actions.fuzz). */
export interface FuzzWorld {
  groupId: string;
  sender: string;
  member: string;
  sendId: string;
  itemId: string;
  itemVersion: number;
  bulkId: string;
  zimAppId: string;
  targetOperatorId: string;
  selfServiceEmail: string;
  selfServicePassword: string;
}

/** Who calls: the fuzz admin's session, or a fresh session of the self-service operator (the call may end it). */
export type Caller = "admin" | "fresh-session";

export interface ActionSpec {
  /** The action's input schema, the judge of every acceptance; none for a plain server function. */
  schema?: z.ZodType;
  /** Valid inputs (each checked against the schema before fuzzing); mutations of them are most of the runs. */
  seeds(world: FuzzWorld): unknown[];
  /** Base number of generated inputs (scaled by FUZZ_RUNS); lower where a valid run is costly (argon2, sends). */
  runs: number;
  /** Inputs tried on every run before the generated ones: each once broke the action. */
  examples?(world: FuzzWorld): unknown[];
  /** Ends in Next's redirect when it succeeds (sign-in, password change, sign-out). */
  redirects?: boolean;
  caller?: Caller;
}

const schedule = (date: string) => ({ mode: "later", date, time: "10:00", timeZone: "UTC", occurrence: "", repeat: "none", weekdays: [], until: "" });
const groupText = (w: FuzzWorld, text: string) => ({ FromUserId: w.sender, GroupId: w.groupId, MessageType: 1, Priority: 2, MessageBody: { Message: text } });
const broadcastText = (w: FuzzWorld, text: string) => ({ FromUserId: w.sender, MessageType: 1, MessageBody: { Message: text } });
const rateLimits = Object.fromEntries(RATE_LIMITED_ACTIONS.map((action) => [action, DEFAULT_RATE_LIMITS[action].perSecond]));
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/**
 * Every server action the build contains, keyed "<file>#<export>". The fuzz test imports every "use server" module
 * and fails on an export without a row here, so a new action cannot go unfuzzed.
 */
export const ACTION_SPECS: Record<string, ActionSpec> = {
  "app/(auth)/sign-in/actions.ts#signIn": {
    schema: signInSchema,
    seeds: (w) => [{ email: w.selfServiceEmail, password: "not-the-password", next: "/history" }, { email: "nobody@example.com", password: "x", next: "//evil.example/" }],
    runs: 60,
    redirects: true,
  },
  "app/(auth)/change-password/actions.ts#changePassword": {
    schema: changePasswordSchema,
    seeds: () => [{ currentPassword: "not-the-password", newPassword: "a-brand-new-password", confirmPassword: "a-brand-new-password" }],
    runs: 30,
    redirects: true,
    caller: "fresh-session",
  },
  "lib/auth/sign-out-action.ts#signOut": { seeds: () => [undefined], runs: 10, redirects: true, caller: "fresh-session" },
  "lib/i18n/actions.ts#setLocale": { seeds: () => ["en", "zh-CN"], runs: 150 },
  "app/(console)/compose/actions.ts#sendMessageAction": {
    schema: sendActionSchema,
    seeds: (w) => [{ appKey: "sandbox", idempotencyKey: newKey(), audienceSize: 2, request: groupText(w, "fuzz hello") }],
    examples: (w) => [
      { appKey: "sandbox", idempotencyKey: newKey(), request: groupText(w, "NUL \u0000 and a lone \ud800 in the text") },
      // A group size past the 32-bit column once failed the insert.
      { appKey: "sandbox", idempotencyKey: newKey(), audienceSize: Number.MAX_SAFE_INTEGER, request: groupText(w, "huge group") },
      // An unstorable text under a "__proto__" key once came back as validationErrors naming nothing.
      JSON.parse(`{"appKey": "sandbox", "idempotencyKey": "${newKey()}", "request": ${JSON.stringify(groupText(w, "x"))}, "__proto__": ["nul\\u0000"]}`),
    ],
    runs: 100,
  },
  "app/(console)/compose/actions.ts#testSendAction": {
    schema: sendActionSchema,
    seeds: (w) => [{ appKey: "sandbox", idempotencyKey: newKey(), request: groupText(w, "fuzz test send") }],
    runs: 50,
  },
  "app/(console)/announcements/actions.ts#sendAnnouncementAction": {
    schema: announcementActionSchema,
    seeds: (w) => [{ appKey: "sandbox", idempotencyKey: newKey(), request: broadcastText(w, "fuzz announcement") }],
    examples: (w) => [{ appKey: "\u0000", idempotencyKey: newKey(), request: broadcastText(w, "NUL app key") }],
    runs: 60,
  },
  "app/(console)/bulk/actions.ts#createBulkAction": {
    schema: bulkCreateSchema,
    seeds: (w) => [
      { appKey: "sandbox", createKey: newKey(), request: groupText(w, "fuzz bulk"), groupsText: `${w.groupId}\nfuzz-other-group`, schedule: schedule(tomorrow()) },
      { appKey: "sandbox", createKey: newKey(), request: groupText(w, "fuzz bulk now"), groupsText: `GroupId\n${w.groupId}`, schedule: { ...schedule(""), mode: "now" } },
    ],
    // The largest lists: one group past the count limit, and one character past the 4 MB text limit.
    examples: (w) => [
      { appKey: "sandbox", createKey: newKey(), request: groupText(w, "too many"), groupsText: Array.from({ length: 100_001 }, (_, i) => `g${i}`).join("\n"), schedule: schedule(tomorrow()) },
      { appKey: "sandbox", createKey: newKey(), request: groupText(w, "too long"), groupsText: "g\n".repeat(2 * 1024 * 1024) + "g", schedule: schedule(tomorrow()) },
    ],
    runs: 100,
  },
  "app/(console)/bulk/actions.ts#pauseBulkAction": { schema: bulkIdSchema, seeds: (w) => [{ id: w.bulkId }], runs: 40 },
  "app/(console)/bulk/actions.ts#resumeBulkAction": { schema: bulkIdSchema, seeds: (w) => [{ id: w.bulkId }], runs: 40 },
  "app/(console)/bulk/actions.ts#cancelBulkAction": { schema: bulkIdSchema, seeds: (w) => [{ id: w.bulkId }], runs: 40 },
  "app/(console)/bulk/actions.ts#retryFailedBulkAction": { schema: bulkIdSchema, seeds: (w) => [{ id: w.bulkId }], runs: 40 },
  "app/(console)/bulk/actions.ts#recallAllBulkAction": { schema: bulkIdSchema, seeds: (w) => [{ id: w.bulkId }], runs: 40 },
  "app/(console)/history/actions.ts#resendAction": { schema: sendIdSchema, seeds: (w) => [{ id: w.sendId }], runs: 100 },
  "app/(console)/history/actions.ts#recallAction": {
    schema: recallActionSchema,
    seeds: (w) => [{ id: w.sendId, payload: "p", push: { title: "t", content: "c", payload: "" } }, { id: w.sendId }],
    runs: 100,
  },
  "app/(console)/scheduled/actions.ts#createItemAction": {
    schema: createItemSchema,
    seeds: (w) => [
      { kind: "group", appKey: "sandbox", audienceSize: 2, schedule: schedule(tomorrow()), request: groupText(w, "fuzz later"), createKey: newKey() },
      { kind: "broadcast", appKey: "sandbox", schedule: schedule(tomorrow()), request: broadcastText(w, "fuzz later"), createKey: newKey() },
    ],
    examples: (w) => [{ kind: "group", appKey: "sandbox", audienceSize: 2 ** 31, schedule: schedule(tomorrow()), request: groupText(w, "huge group"), createKey: newKey() }],
    runs: 100,
  },
  "app/(console)/scheduled/actions.ts#editItemAction": {
    schema: editItemSchema,
    seeds: (w) => [{ kind: "group", appKey: "sandbox", schedule: schedule(tomorrow()), request: groupText(w, "fuzz edit"), id: w.itemId, expectedVersion: w.itemVersion }],
    runs: 150,
  },
  "app/(console)/scheduled/actions.ts#cancelItemAction": { schema: itemVersionSchema, seeds: (w) => [{ id: w.itemId, expectedVersion: w.itemVersion }], runs: 100 },
  "app/(console)/scheduled/actions.ts#reviewItemAction": {
    schema: reviewItemSchema,
    seeds: (w) => [{ id: w.itemId, expectedVersion: w.itemVersion, decision: "reject", reason: "fuzz says no" }, { id: w.itemId, expectedVersion: w.itemVersion, decision: "approve", reason: "" }],
    runs: 100,
  },
  "app/(console)/scheduled/actions.ts#markSeenAction": { schema: attentionSeenSchema, seeds: (w) => [{ ids: [w.itemId] }], runs: 100 },
  "app/(console)/sandbox/actions.ts#addUserAction": {
    schema: addUserSchema,
    seeds: () => [{ UserId: "fuzz-user", UserName: "Fuzz", Online: true, PushRegistered: false }],
    runs: 150,
  },
  "app/(console)/sandbox/actions.ts#setUserFlagsAction": { schema: setUserFlagsSchema, seeds: (w) => [{ UserId: w.member, Online: false }], runs: 100 },
  "app/(console)/sandbox/actions.ts#addGroupAction": {
    schema: addGroupSchema,
    seeds: (w) => [{ GroupId: "fuzz-group", GroupName: "Fuzz", GroupOwner: w.sender, Members: `${w.member}\nfuzz-user` }],
    runs: 150,
  },
  "app/(console)/sandbox/actions.ts#saveSandboxSettingsAction": {
    schema: sandboxSettingsSchema,
    seeds: () => [{ BlockedWords: "badword, worse", RecallWindowSeconds: 120, BroadcastDailyLimit: 100 }],
    examples: () => [{ BlockedWords: "\ud800", RecallWindowSeconds: 120, BroadcastDailyLimit: 100 }, { BlockedWords: "a\u0000b", RecallWindowSeconds: 120, BroadcastDailyLimit: 100 }],
    runs: 150,
  },
  "app/(console)/settings/apps/actions.ts#saveZimAppAction": {
    schema: zimAppFormSchema,
    seeds: (w) => [
      { name: "Fuzz app", appId: 123456, serverSecret: "0123456789abcdef0123456789abcdef", baseUrl: "https://zim-api.example.com", isProduction: false, rateLimits, broadcastDailyLimit: 100, recallWindowSeconds: 120, testGroupId: "" },
      { id: w.zimAppId, name: "Fuzz app 2", appId: 7, serverSecret: "", baseUrl: "http://127.0.0.1:9/", isProduction: true, rateLimits, broadcastDailyLimit: 5, recallWindowSeconds: 60, testGroupId: "g1" },
    ],
    runs: 150,
  },
  "app/(console)/settings/apps/actions.ts#deleteZimAppAction": { schema: deleteZimAppSchema, seeds: () => [{ id: "00000000-0000-4000-8000-000000000000" }], runs: 80 },
  "app/(console)/settings/apps/actions.ts#saveAppPolicyAction": {
    schema: appPolicySchema,
    seeds: (w) => [{ appKey: "sandbox", graceMinutes: 10, announcementApproval: false }, { appKey: w.zimAppId, graceMinutes: 1440, announcementApproval: true }],
    runs: 150,
  },
  "app/(console)/settings/operators/actions.ts#createOperatorAction": {
    schema: createOperatorSchema,
    seeds: () => [{ email: "fuzz-new@example.com", name: "New", role: "viewer" }],
    runs: 60,
  },
  "app/(console)/settings/operators/actions.ts#setRoleAction": { schema: setRoleSchema, seeds: (w) => [{ userId: w.targetOperatorId, role: "operator" }], runs: 100 },
  "app/(console)/settings/operators/actions.ts#setDisabledAction": { schema: setDisabledSchema, seeds: (w) => [{ userId: w.targetOperatorId, disabled: false }], runs: 100 },
  "app/(console)/settings/operators/actions.ts#resetPasswordAction": {
    schema: resetPasswordSchema,
    seeds: (w) => [{ userId: w.targetOperatorId }],
    examples: () => [{ userId: "@4k\u0000Bj{" }],
    runs: 40,
  },
  // Last: resetting the rehearsal world removes the groups the seeds above refer to.
  "app/(console)/sandbox/actions.ts#resetSandboxAction": { schema: resetSandboxSchema, seeds: () => [{ confirm: true }], runs: 30 },
};
