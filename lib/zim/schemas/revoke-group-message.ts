import { z } from "zod";
import { REVOKE_PAYLOAD_MAX_BYTES } from "../limits";
import { maxBytes, wireObject } from "./fields";
import { zimId } from "./id";
import { offlinePushSchema } from "./offline-push";

/**
 * RevokeGroupMessage request body (zim-api.md §6.1). FromUserId must be the message's original sender (else
 * 660000026), and the recall works only inside the app's recall window, 120 s by default (D13) — neither can be
 * checked here, the server answers with a return code.
 */
export const revokeGroupMessageSchema = wireObject({
  FromUserId: zimId("sender user ID"),
  GroupId: zimId("group ID"),
  MsgSeq: z
    .int({ error: "Enter the message number (MsgSeq) returned when the message was sent." })
    .min(1, "The message number (MsgSeq) starts at 1."),
  Payload: maxBytes("recall note (Payload)", REVOKE_PAYLOAD_MAX_BYTES).optional(),
  OfflinePush: offlinePushSchema.optional(),
});
export default revokeGroupMessageSchema;

export type RevokeGroupMessageInput = z.input<typeof revokeGroupMessageSchema>;
export type RevokeGroupMessageRequest = z.output<typeof revokeGroupMessageSchema>;
