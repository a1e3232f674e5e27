import { z } from "zod";
import { LOOSEST_LIMITS, idempotencyKeySchema } from "@/lib/messages/send-input";
import { makeSendMessageToAllUsersSchema } from "@/lib/zim/schemas/send-message-to-all-users";

/**
 * What the announcement action takes, shared with the browser. `request` is the exact SendMessageToAllUsers body,
 * checked with lib/zim's own schema at the loosest limits any app can have (D4); the send verb checks it again
 * against the chosen app's own limits and quota (D7) before anything is recorded.
 */
export const announcementActionSchema = z.object({
  appKey: z.string().min(1, "Choose a ZIM app.").max(64),
  idempotencyKey: idempotencyKeySchema,
  request: makeSendMessageToAllUsersSchema(LOOSEST_LIMITS),
});

export type AnnouncementActionInput = z.input<typeof announcementActionSchema>;
