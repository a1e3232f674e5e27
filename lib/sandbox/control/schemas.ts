import { z } from "zod";
import type { SandboxFaultEffect } from "@/lib/db/schema/sandbox";
import { SANDBOX_ACTIONS } from "../actions/names";
import { isZimId } from "../rules/ids";

/**
 * Inputs of the control endpoint (<basePath>/_sandbox/…), free of server imports so the console's forms can
 * validate with the same objects. Unknown keys are refused, so a typo never passes silently.
 */
/** The sandbox_fault.effect values, repeated here so a browser bundle never pulls in Drizzle. */
export const FAULT_EFFECTS = [
  "none",
  "drop",
  "http-error",
  "malformed-json",
  "code",
] as const satisfies readonly SandboxFaultEffect[];

const id = z.string().refine(isZimId, {
  message: "must be a ZIM ID: 1–32 bytes of letters, digits and !#$%&()+-:;<=.>?@[]^_ {}|~",
});

export const userInputSchema = z.strictObject({
  UserId: id,
  UserName: z.string().max(256).optional(),
  UserAvatar: z.string().max(500).optional(),
  Registered: z.boolean().optional(),
  Online: z.boolean().optional(),
  PushRegistered: z.boolean().optional(),
});

export const groupSetupSchema = z
  .strictObject({
    GroupId: id,
    GroupName: z.string().max(50).optional(),
    GroupOwner: id.optional(),
    Members: z
      .array(userInputSchema.extend({ Role: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional() }))
      .max(5000)
      .optional(),
  })
  .refine((g) => g.GroupOwner !== undefined || (g.Members?.length ?? 0) > 0, {
    message: "give a GroupOwner or at least one member",
  });

/** Forced codes model a refused call, so they strike before processing; every other fault after it. */
export const faultInputSchema = z
  .strictObject({
    Action: z.enum([...SANDBOX_ACTIONS, "*"]),
    LatencyMs: z.number().int().min(0).max(120_000).default(0),
    Effect: z.enum(FAULT_EFFECTS).default("none"),
    HttpStatus: z.number().int().min(500).max(599).optional(),
    Code: z.number().int().positive().optional(),
    Message: z.string().max(200).optional(),
    AfterProcessing: z.boolean().optional(),
    Times: z.number().int().min(1).max(1_000_000).optional(),
  })
  .superRefine((f, ctx) => {
    if (f.Effect === "none" && f.LatencyMs === 0) {
      ctx.addIssue({ code: "custom", path: ["Effect"], message: "a fault needs an Effect or some LatencyMs" });
    }
    if (f.Effect === "code" && f.Code === undefined) {
      ctx.addIssue({ code: "custom", path: ["Code"], message: "Effect \"code\" needs the Code to answer" });
    }
    if (f.HttpStatus !== undefined && f.Effect !== "http-error") {
      const message = 'HttpStatus only goes with Effect "http-error"';
      ctx.addIssue({ code: "custom", path: ["HttpStatus"], message });
    }
  })
  .transform((f) => ({
    Action: f.Action,
    LatencyMs: f.LatencyMs,
    Effect: f.Effect,
    HttpStatus: f.Effect === "http-error" ? (f.HttpStatus ?? 503) : null,
    Code: f.Effect === "code" ? (f.Code ?? null) : null,
    Message: f.Effect === "code" ? (f.Message ?? null) : null,
    AfterProcessing: f.AfterProcessing ?? f.Effect !== "code",
    TimesLeft: f.Times ?? null,
  }));

export const settingsPatchSchema = z.strictObject({
  BlockedWords: z.array(z.string().trim().min(1).max(100)).max(1000).optional(),
  RecallWindowSeconds: z.number().int().min(1).max(86_400).optional(),
  MessageLimitBytes: z.number().int().min(1).max(32_768).optional(),
  MultiItemLimitBytes: z.number().int().min(1).max(32_768).optional(),
  ExtendedDataLimitBytes: z.number().int().min(1).max(32_768).optional(),
  BroadcastDailyLimit: z.number().int().min(1).max(1_000_000).optional(),
  MaxReceiverUserIds: z.number().int().min(1).max(100_000).optional(),
});

export const groupQuerySchema = z.object({ GroupId: id });

export const inboxQuerySchema = z.object({
  UserId: id,
  Kind: z.enum(["group", "broadcast", "push"]).optional(),
  GroupId: id.optional(),
});

export const userQuerySchema = z.object({ UserId: id });

export const faultDeleteQuerySchema = z.object({ Action: z.enum([...SANDBOX_ACTIONS, "*"]).optional() });
