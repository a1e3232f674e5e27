import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, session, user } from "@/lib/db/schema";
import { parseEnv } from "@/lib/env";
import { testEngines } from "@/lib/testing/engines";
import type { OpenDatabase } from "@/lib/db/open";
import { createAuth } from "./auth";
import { ensureFirstAdmin, GENERATED_ADMIN_EMAIL } from "./bootstrap";
import { endForeignSession, sameBrowser } from "./session-binding";
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

  it("over HTTPS the session cookie is __Host-, Secure, HttpOnly and SameSite=Lax with no Domain; over HTTP not Secure", async () => {
    const { db } = opened;
    const email = `cookie-${engine.name}@example.com`;
    await createAuth(db).api.createUser({ body: { email, password: "cookie-password-1", name: "C", role: "viewer" } });
    const sessionCookie = async (consoleUrl: string) => {
      const auth = createAuth(db, parseEnv({ CONSOLE_URL: consoleUrl, CONSOLE_SECRET_KEY: process.env.CONSOLE_SECRET_KEY }));
      const { headers } = await auth.api.signInEmail({ body: { email, password: "cookie-password-1" }, returnHeaders: true });
      const line = headers.getSetCookie().find((c) => c.includes("zim-console.session_token="));
      const [name, ...attributes] = line!.split(";").map((part) => part.trim());
      return { name: name!.split("=")[0], attributes: attributes.map((a) => a.toLowerCase()) };
    };

    const secure = await sessionCookie("https://console.example.test");
    expect(secure.name).toBe("__Host-zim-console.session_token");
    expect(secure.attributes).toEqual(expect.arrayContaining(["secure", "httponly", "samesite=lax", "path=/"]));
    expect(secure.attributes.some((a) => a.startsWith("domain="))).toBe(false);

    const plain = await sessionCookie("http://localhost:3000");
    expect(plain.name).toBe("zim-console.session_token");
    expect(plain.attributes).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/"]));
    expect(plain.attributes).not.toContain("secure");
  });

  it("records the signing-in browser on the session; a session refused for another browser is deleted and audited", async () => {
    const { db } = opened;
    const auth = createAuth(db);
    const email = `bound-${engine.name}@example.com`;
    await auth.api.createUser({ body: { email, password: "bound-password-1", name: "B", role: "operator" } });
    const browser = "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0.0.0";
    const { headers } = await auth.api.signInEmail({
      body: { email, password: "bound-password-1" },
      headers: new Headers({ "user-agent": browser }),
      returnHeaders: true,
    });
    const cookie = headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const found = await auth.api.getSession({ headers: new Headers({ cookie }) });
    expect(found?.session.userAgent).toBe(browser);
    expect(sameBrowser(found?.session.userAgent, browser)).toBe(true);
    expect(sameBrowser(found?.session.userAgent, "curl/8.5.0")).toBe(false);
    expect(sameBrowser(found?.session.userAgent, null)).toBe(false);

    await endForeignSession(db, { sessionId: found!.session.id, user: found!.user, ipAddress: "10.1.2.3", userAgent: "curl/8.5.0" });
    expect(await auth.api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
    const [row] = await db.select().from(auditLog).where(eq(auditLog.actorEmail, email));
    expect(row).toMatchObject({ action: "auth.session-refused", outcome: "denied", ipAddress: "10.1.2.3" });
    expect(row!.detail).toMatchObject({ userAgent: "curl/8.5.0" });
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
