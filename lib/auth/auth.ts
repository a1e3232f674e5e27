import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { admin as adminPlugin } from "better-auth/plugins/admin";
import { createAccessControl } from "better-auth/plugins/access";
import { adminAc, defaultStatements, userAc } from "better-auth/plugins/admin/access";
import { hash, verify } from "@node-rs/argon2";
import { getDb, type Database } from "@/lib/db";
import * as schema from "@/lib/db/schema";
import { getEnv, type Env } from "@/lib/env";
import { deriveKey } from "@/lib/crypto/keys";

const accessControl = createAccessControl(defaultStatements);
/** better-auth only needs to know who may manage users; the console's own matrix is lib/auth/roles.ts. */
const authRoles = {
  admin: accessControl.newRole(adminAc.statements),
  operator: accessControl.newRole(userAc.statements),
  viewer: accessControl.newRole(userAc.statements),
};

/** argon2id with OWASP's second recommended profile (19 MiB, 2 passes). */
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const SESSION_TTL_SECONDS = 12 * 60 * 60;

/**
 * The session cookie: HttpOnly, SameSite=Lax (a link from elsewhere still opens the console signed in; no other
 * site can make the browser send it with a POST), and over HTTPS Secure with the `__Host-` prefix, which also
 * forbids a Domain attribute, so no sibling subdomain can set or shadow it. better-auth's own HTTPS prefix is
 * `__Secure-`, which lacks that lock, so the prefix is written here and the library's is switched off.
 */
function cookieOptions(env: Env) {
  const https = env.CONSOLE_URL.startsWith("https://");
  return {
    cookiePrefix: https ? "__Host-zim-console" : "zim-console",
    useSecureCookies: false,
    defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: https, path: "/" },
  } as const;
}

export function createAuth(db: Database, env: Env = getEnv()) {
  return betterAuth({
    appName: "ZIM Operator Console",
    baseURL: env.CONSOLE_URL,
    secret: deriveKey("auth-session").toString("hex"),
    trustedOrigins: env.CONSOLE_TRUSTED_ORIGINS?.split(",").map((o) => o.trim()),
    database: drizzleAdapter(db, { provider: "pg", schema }),
    telemetry: { enabled: false },
    emailAndPassword: {
      enabled: true,
      // Admins create operators; nobody signs themselves up.
      disableSignUp: true,
      minPasswordLength: 12,
      maxPasswordLength: 128,
      password: {
        hash: (password) => hash(password, ARGON2),
        verify: ({ hash: stored, password }) => verify(stored, password),
      },
    },
    user: {
      additionalFields: {
        mustChangePassword: { type: "boolean", required: false, defaultValue: false, input: false },
      },
    },
    session: {
      expiresIn: SESSION_TTL_SECONDS,
      updateAge: 60 * 60,
      // No cookie cache: a disabled operator or a changed role takes effect on the next request.
      cookieCache: { enabled: false },
    },
    advanced: cookieOptions(env),
    plugins: [
      adminPlugin({
        ac: accessControl,
        roles: authRoles,
        adminRoles: ["admin"],
        defaultRole: "viewer",
        bannedUserMessage: "This account has been disabled. Ask an administrator to enable it.",
      }),
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const holder = globalThis as typeof globalThis & { __consoleAuth?: Promise<Auth> };

/** The process-wide auth instance, created after the database is open (never at module scope). */
export function getAuth(): Promise<Auth> {
  holder.__consoleAuth ??= getDb().then(createAuth);
  holder.__consoleAuth.catch(() => {
    holder.__consoleAuth = undefined;
  });
  return holder.__consoleAuth;
}
