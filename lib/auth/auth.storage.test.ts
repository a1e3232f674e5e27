import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, session, user } from "@/lib/db/schema";
import { parseEnv } from "@/lib/env";
import { testEngines } from "@/lib/testing/engines";
import type { OpenDatabase } from "@/lib/db/open";
import { createAuth } from "./auth";
import { ensureFirstAdmin, GENERATED_ADMIN_EMAIL } from "./bootstrap";
import { checkSignInThrottle, recordSignInAttempt, THROTTLE } from "./throttle";

process.env.CONSOLE_SECRET_KEY ??= "11".repeat(32);

describe.each(await testEngines())("operators and sign-in on $name", (engine) => {
  let opened: OpenDatabase & { dispose(): Promise<void> };
  beforeAll(async () => {
    opened = await engine.open();
  });
  afterAll(() => opened.dispose());

  it("creates a one-time-password admin once, audited, whose password verifies with argon2id", async () => {
    const { db } = opened;
    const auth = createAuth(db);
    const first = await ensureFirstAdmin(db, auth, parseEnv({}));
    expect(first).toMatchObject({ created: true, email: GENERATED_ADMIN_EMAIL });
    const oneTime = first.created ? first.oneTimePassword : undefined;
    expect(oneTime).toMatch(/^[\w-]{16}$/);
    expect(await ensureFirstAdmin(db, auth, parseEnv({}))).toEqual({ created: false });

    const [admin] = await db.select().from(user).where(eq(user.email, GENERATED_ADMIN_EMAIL));
    expect(admin).toMatchObject({ role: "admin", mustChangePassword: true });
    const account = await db.query.account.findFirst();
    expect(account?.password).toMatch(/^\$argon2id\$/);

    const signedIn = await auth.api.signInEmail({ body: { email: GENERATED_ADMIN_EMAIL, password: oneTime! } });
    expect(signedIn.user.email).toBe(GENERATED_ADMIN_EMAIL);
    await expect(auth.api.signInEmail({ body: { email: GENERATED_ADMIN_EMAIL, password: "wrong-password-1" } })).rejects.toThrow();

    const audit = await db.select().from(auditLog).where(eq(auditLog.action, "operator.bootstrap"));
    expect(audit).toHaveLength(1);
  });

  it("accepts a live session cookie and refuses an expired or tampered one", async () => {
    const { db } = opened;
    const auth = createAuth(db);
    const email = `session-${engine.name}@example.com`;
    await auth.api.createUser({ body: { email, password: "session-password-1", name: "S", role: "operator" } });
    const { headers } = await auth.api.signInEmail({ body: { email, password: "session-password-1" }, returnHeaders: true });
    const cookie = headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    expect(cookie).toContain("zim-console.session_token=");
    const asBrowser = (value: string) => new Headers({ cookie: value });

    expect((await auth.api.getSession({ headers: asBrowser(cookie) }))?.user.email).toBe(email);
    expect(await auth.api.getSession({ headers: asBrowser(cookie.replace(/=(.{4})/, "=XXXX")) })).toBeNull();

    const [owner] = await db.select({ id: user.id }).from(user).where(eq(user.email, email));
    await db.update(session).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(session.userId, owner!.id));
    expect(await auth.api.getSession({ headers: asBrowser(cookie) })).toBeNull();
  });

  it("throttles an account after repeated failures and an address after more", async () => {
    const { db } = opened;
    const now = new Date();
    const email = `victim-${engine.name}@example.com`;
    for (let i = 0; i < THROTTLE.perAccount - 1; i++) await recordSignInAttempt(db, { email, ipAddress: "10.0.0.1", succeeded: false });
    expect(await checkSignInThrottle(db, email, "10.0.0.1", now)).toEqual({ allowed: true });
    await recordSignInAttempt(db, { email, ipAddress: "10.0.0.2", succeeded: false });
    const blocked = await checkSignInThrottle(db, email, "10.0.0.3", now);
    expect(blocked.allowed).toBe(false);
    if (!blocked.allowed) expect(blocked.retryAfterMs).toBeGreaterThan(THROTTLE.windowMs - 60_000);
    // Once the window has passed, the account may try again.
    expect(await checkSignInThrottle(db, email, "10.0.0.3", new Date(now.getTime() + THROTTLE.windowMs + 1000))).toEqual({ allowed: true });

    for (let i = 0; i < THROTTLE.perAddress; i++) {
      await recordSignInAttempt(db, { email: `spray-${i}@example.com`, ipAddress: "10.9.9.9", succeeded: false });
    }
    expect((await checkSignInThrottle(db, "fresh@example.com", "10.9.9.9", now)).allowed).toBe(false);
    expect((await checkSignInThrottle(db, "fresh@example.com", "10.9.9.8", now)).allowed).toBe(true);
  });
});
