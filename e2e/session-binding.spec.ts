import { expect, test } from "@playwright/test";
import { cookieHeader, createOperator, E2E_URL, firstSignIn, signInAsAdmin, uniqueEmail } from "./support";

test("the session cookie is HttpOnly and SameSite=Lax, and over plain HTTP neither Secure nor host-prefixed", async ({ page }) => {
  await signInAsAdmin(page);
  const session = (await page.context().cookies()).find((c) => c.name.endsWith("session_token"));
  expect(session).toMatchObject({ name: "zim-console.session_token", httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
  expect(await page.evaluate(() => document.cookie)).not.toContain("session_token");
});

test("a session cookie replayed from another browser is refused, ends the session, and is audited", async ({ browser, page, playwright }) => {
  await signInAsAdmin(page);
  const email = uniqueEmail("stolen");
  const oneTime = await createOperator(page, email, "operator");
  const victim = await browser.newPage();
  await firstSignIn(victim, email, oneTime, "operator-password-1");
  const cookie = await cookieHeader(victim);
  const victimAgent = await victim.evaluate(() => navigator.userAgent);

  // The cookie works from the browser that signed in (the same User-Agent)...
  const sameBrowser = await playwright.request.newContext({ baseURL: E2E_URL, userAgent: victimAgent, extraHTTPHeaders: { Cookie: cookie } });
  expect((await sameBrowser.get("/api/scheduled")).status()).toBe(200);
  // ...and not from another one: the request is treated as signed out.
  const thief = await playwright.request.newContext({
    baseURL: E2E_URL,
    userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
    extraHTTPHeaders: { Cookie: cookie },
  });
  expect((await thief.get("/api/scheduled")).status()).toBe(401);
  const page401 = await thief.get("/compose", { maxRedirects: 0 });
  expect(page401.status()).toBe(307);
  expect(page401.headers()["location"]).toContain("/sign-in");

  // The session is over for its owner too, so a thief who later guesses the User-Agent has nothing left.
  expect((await sameBrowser.get("/api/scheduled")).status()).toBe(401);
  await victim.goto("/compose");
  await expect(victim).toHaveURL(/\/sign-in\?reason=expired$/);
  await sameBrowser.dispose();
  await thief.dispose();

  await page.goto(`/settings/audit?action=auth.session-refused&actor=${encodeURIComponent(email)}`);
  await expect(page.getByRole("cell", { name: "auth.session-refused" })).toHaveCount(1);
});
