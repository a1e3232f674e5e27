import { z } from "zod";

/**
 * Every environment variable the console, the worker scripts and the standalone sandbox read, parsed once with
 * zod. A bad value stops the start with a message that names the variable (see `.env.example` for each one).
 * Parsed lazily so that `next build` never needs a configured environment.
 */
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const secretKey = z
  .string()
  .trim()
  .refine((v) => /^[0-9a-fA-F]{64}$/.test(v) || Buffer.from(v, "base64").length === 32, {
    message: "must be 32 random bytes, written as 64 hex characters or as base64",
  });

const port = z.coerce.number().int().min(1).max(65535);

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATA_DIR: z.string().trim().min(1).default("./data"),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection URL")
        .optional(),
    ),
    CONSOLE_URL: z.url({ protocol: /^https?$/, message: "must be an http:// or https:// URL" }).default(
      "http://localhost:3000",
    ),
    CONSOLE_SECRET_KEY: optionalString.pipe(secretKey.optional()),
    CONSOLE_ADMIN_EMAIL: optionalString.pipe(z.email("must be an email address").optional()),
    CONSOLE_ADMIN_PASSWORD: optionalString.pipe(
      z.string().min(12, "must be at least 12 characters").max(128).optional(),
    ),
    CONSOLE_TRUSTED_ORIGINS: optionalString,
    ZIM_SANDBOX_APP_ID: z.coerce.number().int().min(1).max(4294967295).default(1000001),
    ZIM_SANDBOX_SERVER_SECRET: optionalString.pipe(
      z.string().regex(/^[0-9a-f]{32}$/, "must be 32 lowercase hex characters").optional(),
    ),
    ZIM_SANDBOX_PORT: port.default(4010),
    /** Where the console reaches its built-in sandbox; default: CONSOLE_URL + /zim-sandbox. */
    ZIM_SANDBOX_URL: optionalString.pipe(z.url({ protocol: /^https?$/, message: "must be an http:// or https:// URL" }).optional()),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    /** "off": this console sends no scheduled items (a `npm run worker` does); wake-ups still go to the job table. */
    DISPATCHER: z.enum(["on", "off"], { message: 'must be "on" or "off"' }).default("on"),
    /** How long a dispatcher's claim on an item lasts without renewal (renewed three times per lease). */
    DISPATCH_LEASE_MS: z.coerce.number().int().min(1000, "must be at least 1000 (ms)").max(600_000, "must be at most 600000 (ms)").default(30_000),
    /** Bulk sends one process works on at once; with several instances, 1 spreads runs over them. */
    BULK_RUNS_PER_RUNNER: z.coerce.number().int().min(1, "must be at least 1").max(50, "must be at most 50").default(4),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_URL && !env.CONSOLE_SECRET_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["CONSOLE_SECRET_KEY"],
        message: "is required with DATABASE_URL: every instance sharing the database must use the same key",
      });
    }
    if (Boolean(env.CONSOLE_ADMIN_EMAIL) !== Boolean(env.CONSOLE_ADMIN_PASSWORD)) {
      ctx.addIssue({
        code: "custom",
        path: [env.CONSOLE_ADMIN_EMAIL ? "CONSOLE_ADMIN_PASSWORD" : "CONSOLE_ADMIN_EMAIL"],
        message: "CONSOLE_ADMIN_EMAIL and CONSOLE_ADMIN_PASSWORD must be set together",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example.`);
    this.name = "EnvError";
  }
}

/** Parses an environment (process.env by default); throws an EnvError naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".") || "environment"}: ${i.message}`));
  }
  return result.data;
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}
