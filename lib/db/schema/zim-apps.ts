import { bigint, boolean, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Size limits ZEGO support raised for the app (lib/zim/limits.ts ZimLimits); unset ones keep the defaults (D4, D8). */
export type SizeLimits = Partial<Record<"messageBytes" | "multiItemMessageBytes" | "extendedDataBytes" | "searchedContentBytes" | "receiverUserIds", number>>;

/** Per-Action call limits an admin may tune when ZEGO support raised them for the app. */
export type RateLimits = Record<string, { perSecond: number; perDay?: number }>;

/**
 * A real ZIM app the console sends through. `serverSecretCiphertext` is AES-256-GCM (lib/crypto/secret-box.ts):
 * the ServerSecret is never stored, logged or sent to a browser in clear text.
 */
export const zimApp = pgTable("zim_app", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  appId: bigint("app_id", { mode: "number" }).notNull(),
  serverSecretCiphertext: text("server_secret_ciphertext").notNull(),
  baseUrl: text("base_url").notNull().default("https://zim-api.zego.im"),
  isProduction: boolean("is_production").notNull().default(false),
  rateLimits: jsonb("rate_limits").$type<RateLimits>().notNull(),
  sizeLimits: jsonb("size_limits").$type<SizeLimits>().notNull().default({}),
  /** D13: RevokeGroupMessage works this long after sending (120 s unless support extended it, max 86,400 s). */
  recallWindowSeconds: integer("recall_window_seconds").notNull().default(120),
  /** D7: SendMessageToAllUsers quota per rolling 24 h. */
  broadcastDailyLimit: integer("broadcast_daily_limit").notNull().default(100),
  testGroupId: text("test_group_id"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
