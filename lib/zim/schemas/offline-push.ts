import { z } from "zod";
import { BADGE_INCREMENT_MAX } from "../limits";
import { flag01, intInRange, wireObject } from "./fields";

/**
 * MessageBody.OfflinePush and RevokeGroupMessage.OfflinePush (zim-api.md §3.3). Title, Content and Payload have no
 * documented length limit, so none is enforced here. PushStrategyId is accepted on every send: the EN and ZH pages
 * disagree on where it applies and ZEGO support configures it anyway.
 */
export const offlinePushSchema = wireObject({
  Enable: flag01("Offline push").optional(),
  Title: z.string({ error: "The push title must be text." }).optional(),
  Content: z.string({ error: "The push text must be text." }).optional(),
  Payload: z.string({ error: "The push payload must be text." }).optional(),
  PushStrategyId: z.string({ error: "The push strategy ID must be text." }).optional(),
  EnableBadge: z.boolean({ error: "Badge must be on or off." }).optional(),
  BadgeIncrement: intInRange("badge increment", 0, BADGE_INCREMENT_MAX).optional(),
  ThreadId: z.string({ error: "The thread ID must be text." }).optional(),
});

export type OfflinePush = z.output<typeof offlinePushSchema>;
