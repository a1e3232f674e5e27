import "server-only";
import type { MessageContext } from "@/lib/messages/context";

/**
 * What every item verb runs with: who acts, from where, on which database, how apps are reached and what time it
 * is — the message verbs' context, so a dispatcher, a server action and a storage test build it the same way.
 */
export type ItemContext = MessageContext;

export const nowOf = (ctx: ItemContext): Date => (ctx.now ?? (() => new Date()))();
