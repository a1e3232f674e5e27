import { z } from "zod";
import { RATE_LIMITED_ACTIONS, RECALL_WINDOW } from "./defaults";

/**
 * The ZIM app form, shared by the settings page and its server action. The ServerSecret is write-only: empty on
 * edit means "keep the stored one"; a new app must have one. Messages are catalog keys under "validation".
 */
const perSecond = z.number({ error: "number" }).int("integer").min(1, "atLeastOne").max(10_000, "tooLarge");

export const zimAppFormSchema = z
  .object({
    id: z.uuid().optional(),
    name: z.string().trim().min(1, "required").max(60, "tooLong"),
    appId: z.number({ error: "number" }).int("integer").min(1, "appIdRange").max(4_294_967_295, "appIdRange"),
    serverSecret: z
      .string()
      .trim()
      .refine((v) => v === "" || /^[0-9a-fA-F]{32}$/.test(v), "serverSecretFormat"),
    baseUrl: z
      .string()
      .trim()
      .refine((v) => /^https:\/\/[^\s/]+(\/[^\s]*)?$/.test(v) || /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/[^\s]*)?$/.test(v), "baseUrlHttps"),
    isProduction: z.boolean(),
    rateLimits: z.object(Object.fromEntries(RATE_LIMITED_ACTIONS.map((a) => [a, perSecond])) as Record<
      (typeof RATE_LIMITED_ACTIONS)[number],
      typeof perSecond
    >),
    broadcastDailyLimit: z.number({ error: "number" }).int("integer").min(1, "atLeastOne").max(1_000_000, "tooLarge"),
    recallWindowSeconds: z
      .number({ error: "number" })
      .int("integer")
      .min(RECALL_WINDOW.min, "recallWindowRange")
      .max(RECALL_WINDOW.max, "recallWindowRange"),
    testGroupId: z.string().trim().max(32, "tooLong"),
  })
  .refine((v) => v.id !== undefined || v.serverSecret !== "", { path: ["serverSecret"], message: "required" });

export type ZimAppFormInput = z.input<typeof zimAppFormSchema>;
export type ZimAppFormValues = z.output<typeof zimAppFormSchema>;

export const deleteZimAppSchema = z.object({ id: z.uuid() });
