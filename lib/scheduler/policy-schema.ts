import { z } from "zod";

/** Grace window bounds: at least a minute, at most a day (a later send is rarely what anyone still wants). */
export const GRACE_MINUTES = { min: 1, max: 1440 } as const;

/**
 * An app's scheduling policy form (Settings › Apps), shared by the form and its server action. Messages are keys
 * of the "appPolicy" catalog.
 */
export const appPolicySchema = z.object({
  appKey: z.string().min(1).max(64),
  graceMinutes: z.number({ error: "graceRange" }).int("graceRange").min(GRACE_MINUTES.min, "graceRange").max(GRACE_MINUTES.max, "graceRange"),
  announcementApproval: z.boolean(),
});

export type AppPolicyInput = z.input<typeof appPolicySchema>;
export type AppPolicyValues = z.output<typeof appPolicySchema>;
