import { bigserial, boolean, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Recent sign-in attempts, kept to throttle guessing per account and per address (lib/auth/throttle.ts). */
export const signInAttempt = pgTable(
  "sign_in_attempt",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    email: text("email").notNull(),
    ipAddress: text("ip_address").notNull(),
    succeeded: boolean("succeeded").notNull(),
  },
  (t) => [index("sign_in_attempt_email_at_idx").on(t.email, t.at), index("sign_in_attempt_ip_at_idx").on(t.ipAddress, t.at)],
);
