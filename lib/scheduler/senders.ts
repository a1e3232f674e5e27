import "server-only";
import { sendAnnouncement } from "@/lib/announcements/send";
import { startScheduledBulk } from "@/lib/bulk/schedule";
import type { MessageContext } from "@/lib/messages/context";
import { resendMessage } from "@/lib/messages/resend";
import { sendGroupMessage, type SendResult } from "@/lib/messages/send";
import type { SendStatus } from "@/lib/messages/status";
import type { SendGroupMessageInput } from "@/lib/zim/schemas/send-group-message";
import type { SendMessageToAllUsersInput } from "@/lib/zim/schemas/send-message-to-all-users";
import type { Permit } from "@/lib/rate-limit/types";
import type { ItemKind } from "./status";

export interface ItemSendInput {
  appKey: string;
  idempotencyKey: string;
  /** The item's stored request body; the sender checks it against the app's current limits. */
  request: Record<string, unknown>;
  audienceSize?: number;
  scheduled: { itemId: string; dueAt: Date };
  /** A slot of the shared call limiter the caller already holds (the dispatcher takes it before marking the item). */
  permit?: Permit;
}

/**
 * Sends one occurrence exactly once per idempotency key, committing its message_send row as "sending" before the
 * request (see sendGroupMessage for what a death mid-request leaves behind).
 */
export type ItemSender = (ctx: MessageContext, input: ItemSendInput) => Promise<SendResult>;

/** Sends a recorded message again on the same row; only for rows ZIM certainly did nothing with (RESENDABLE). */
export type ItemResender = (ctx: MessageContext, input: { id: string; permit?: Permit }) => Promise<{ id: string; status: SendStatus }>;

export interface ItemSenders {
  send: Partial<Record<ItemKind, ItemSender>>;
  resend: Partial<Record<ItemKind, ItemResender>>;
}

/** The senders the console dispatches with. A kind without one is marked failed ("noSender"), never sent. */
export const DEFAULT_SENDERS: ItemSenders = {
  send: {
    group: (ctx, input) => sendGroupMessage({ ctx, input: { ...input, request: input.request as unknown as SendGroupMessageInput } }),
    broadcast: (ctx, input) => sendAnnouncement({ ctx, input: { ...input, request: input.request as unknown as SendMessageToAllUsersInput } }),
    // Starts the run (scheduled → queued); the bulk runner sends. Nothing to resend: it calls no ZIM API.
    bulk: (ctx, input) => startScheduledBulk(ctx, input),
  },
  resend: {
    group: (ctx, input) => resendMessage({ ctx, input }),
    broadcast: (ctx, input) => resendMessage({ ctx, input }),
  },
};
