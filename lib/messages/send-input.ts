import { z } from "zod";
import { MAX_RAISED_BYTES } from "@/lib/zim/limits";
import { makeSendGroupMessageSchema } from "@/lib/zim/schemas/send-group-message";

/**
 * What the composer's server actions take, shared with the browser. `request` is the exact SendGroupMessage body,
 * checked with lib/zim's own schema. The action checks it against the loosest limits any app can have (D4, D8);
 * the send verb checks it again against the chosen app's own limits before anything is recorded.
 */
export const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "The form's send key is malformed.");

/** The loosest limits any app can have: what an action checks before the verb checks the chosen app's own. */
export const LOOSEST_LIMITS = {
  messageBytes: MAX_RAISED_BYTES,
  multiItemMessageBytes: MAX_RAISED_BYTES,
  extendedDataBytes: MAX_RAISED_BYTES,
  searchedContentBytes: MAX_RAISED_BYTES,
  receiverUserIds: 100_000,
};

/**
 * The group size shown in the confirmation, kept with the record. Stored in a 32-bit column, so larger numbers
 * (no ZIM group comes near) are refused here instead of failing the insert.
 */
export const audienceSizeSchema = z.int().min(0).max(2_147_483_647);

export const sendActionSchema = z.object({
  appKey: z.string().min(1, "Choose a ZIM app.").max(64),
  idempotencyKey: idempotencyKeySchema,
  audienceSize: audienceSizeSchema.optional(),
  request: makeSendGroupMessageSchema(LOOSEST_LIMITS),
});

export type SendActionInput = z.input<typeof sendActionSchema>;

export const sendIdSchema = z.object({ id: z.uuid() });

export const RECALL_PAYLOAD_MAX_BYTES = 200;

/** Recall options from the result page; the verb builds RevokeGroupMessage from the record and checks it. */
export const recallActionSchema = z.object({
  id: z.uuid(),
  payload: z.string().max(1000).optional(),
  push: z
    .object({ title: z.string().max(1000), content: z.string().max(4000), payload: z.string().max(4000) })
    .optional(),
});

export type RecallActionInput = z.input<typeof recallActionSchema>;
