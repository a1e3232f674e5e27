import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The shared call limiter: `perSecond` slots per lane (an app and an Action, "<appKey>:<Action>"). A call takes a
 * free slot and holds it until a window after its answer, so ZIM never sees more than `perSecond` calls of the lane
 * in any window, whichever console process or worker made them. Times come from the database clock, the one clock
 * all processes share. Rows are created on demand; slots above the lane's current limit are ignored.
 */
export const rateSlot = pgTable(
  "rate_slot",
  {
    lane: text("lane").notNull(),
    slot: integer("slot").notNull(),
    /** The slot is free from this instant on. */
    freesAt: timestamp("frees_at", { withTimezone: true, precision: 6 }).notNull(),
    /** A random token of the call that holds it, so a late release cannot free a slot someone else took since. */
    holder: text("holder"),
  },
  (t) => [primaryKey({ columns: [t.lane, t.slot] })],
);
