import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { SAME_ORIGIN, signInAsAdmin } from "./support";

/** The directives of a Content-Security-Policy header, each with its sources. */
function directives(header: string | undefined): Map<string, string[]> {
  expect(header, "Content-Security-Policy header").toBeTruthy();
  return new Map(header!.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));
}

/** Checks every security header of one response and answers its script nonce. */
function expectSecurityHeaders(response: APIResponse, { https = false } = {}): string {
  const headers = response.headers();
  const csp = directives(headers["content-security-policy"]);
  const nonce = /^'nonce-([A-Za-z0-9+/]{22}==)'$/.exec(csp.get("script-src")?.[1] ?? "")?.[1];
  expect(nonce, `a nonce in ${headers["content-security-policy"]}`).toBeTruthy();
  expect(csp.get("default-src")).toEqual(["'self'"]);
  expect(csp.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
  expect(csp.get("style-src")).toEqual(["'self'", `'nonce-${nonce}'`]);
  expect(csp.get("img-src")).toEqual(["'self'"]);
  expect(csp.get("connect-src")).toEqual(["'self'"]);
  expect(csp.get("object-src")).toEqual(["'none'"]);
  expect(csp.get("base-uri")).toEqual(["'self'"]);
  expect(csp.get("form-action")).toEqual(["'self'"]);
  expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  expect([...csp.values()].flat()).not.toEqual(expect.arrayContaining(["'unsafe-inline'"]));
  expect([...csp.values()].flat()).not.toEqual(expect.arrayContaining(["'unsafe-eval'"]));
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  if (https) {
    expect(headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(csp.has("upgrade-insecure-requests")).toBe(true);
  } else {
    expect(headers["strict-transport-security"]).toBeUndefined();
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  }
  return nonce!;
}

/** Every <script> and <style> element and stylesheet link carries the nonce; no inline style attribute is left. */
function expectNonceOnEveryScript(html: string, nonce: string, path: string) {
  const tags = html.match(/<(script|style)\b[^>]*>|<link\b[^>]*rel="stylesheet"[^>]*>/g) ?? [];
  expect(tags.filter((t) => t.startsWith("<script")).length, `scripts in ${path}`).toBeGreaterThan(0);
  for (const tag of tags) expect(tag, `${path}: ${tag}`).toContain(`nonce="${nonce}"`);
  expect(html.match(/<[^>]+\sstyle="[^"]*"/g) ?? [], `inline style attributes in ${path}`).toEqual([]);
}

const CONSOLE_PAGES = ["/compose", "/announcements", "/scheduled", "/scheduled?view=calendar", "/history", "/sandbox", "/settings/apps", "/settings/operators", "/settings/audit", "/change-password"];

test("every page carries the security headers and a fresh nonce that each of its scripts bears", async ({ page, request }) => {
  const signInPage = await request.get("/sign-in");
  expect(signInPage.status()).toBe(200);
  expectNonceOnEveryScript(await signInPage.text(), expectSecurityHeaders(signInPage), "/sign-in");
  const missing = await request.get("/no-such-page");
  expect(missing.status()).toBe(404);
  expectNonceOnEveryScript(await missing.text(), expectSecurityHeaders(missing), "/no-such-page");

  await signInAsAdmin(page);
  const nonces = new Set<string>();
  for (const path of CONSOLE_PAGES) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    const nonce = expectSecurityHeaders(response);
    expectNonceOnEveryScript(await response.text(), nonce, path);
    nonces.add(nonce);
  }
  for (let i = 0; i < 3; i++) nonces.add(expectSecurityHeaders(await page.request.get("/compose")));
  expect(nonces.size).toBe(CONSOLE_PAGES.length + 3);

  // Redirects, route handlers and the sandbox (JSON for machines) carry them too, and still answer as before.
  expectSecurityHeaders(await request.get("/compose", { maxRedirects: 0 }));
  const polled = await page.request.get("/api/scheduled");
  expect(polled.headers()["content-type"]).toContain("application/json");
  expectSecurityHeaders(polled);
  const world = await page.request.get("/zim-sandbox/_sandbox/users");
  expect(Array.isArray(((await world.json()) as { Users: unknown[] }).Users)).toBe(true);
  expectSecurityHeaders(world);
  const zim = await request.post("/zim-sandbox/?Action=SendGroupMessage", { data: {} });
  expect(((await zim.json()) as { Code: number }).Code).not.toBe(0);
  expectSecurityHeaders(zim);
});

test("Strict-Transport-Security is sent only when the console is reached over HTTPS", async ({ request }) => {
  expectSecurityHeaders(await request.get("/sign-in"), { https: false });
  expectSecurityHeaders(await request.get("/sign-in", { headers: { "X-Forwarded-Proto": "https" } }), { https: true });
  expectSecurityHeaders(await request.get("/sign-in", { headers: { "X-Forwarded-Proto": "http" } }), { https: false });
});

/** Collects every Content-Security-Policy violation the browser reports, on any page the tab opens. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("reportCspViolation", (report: string) => violations.push(report));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportCspViolation(r: string): void }).reportCspViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} on ${location.pathname}`);
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test("using the console raises no Content-Security-Policy violation, and an injected script is refused", async ({ page }) => {
  const violations = await watchViolations(page);
  await signInAsAdmin(page);
  const nav = page.getByRole("navigation", { name: "Main" });

  const form = page.getByRole("form", { name: "Group message" });
  await form.getByLabel("ZIM app").selectOption("sandbox");
  await form.getByLabel("From user ID").fill("csp-sender");
  await form.getByLabel("Group ID").fill("sample-team");
  await form.getByLabel("Message", { exact: true }).fill("Checking the policy");
  await page.getByRole("button", { name: "Review and send…" }).click();
  await expect(page.getByRole("dialog", { name: "Send this message?" })).toBeVisible();
  await page.keyboard.press("Escape");

  // Client-side navigation loads further chunks: 'strict-dynamic' must let the trusted runtime load them.
  await nav.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { name: "History", level: 1 })).toBeVisible();
  await nav.getByRole("link", { name: "Scheduled" }).click();
  await expect(page).toHaveURL(/\/scheduled/);
  await page.goto("/scheduled?view=calendar");
  await nav.getByRole("link", { name: "Announcements" }).click();
  await expect(page).toHaveURL(/\/announcements/);
  await nav.getByRole("link", { name: "Sandbox" }).click();
  await expect(page.getByRole("heading", { name: "Groups" })).toBeVisible();
  await nav.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings\/apps/);
  await page.goto("/settings/operators");
  await page.goto("/settings/audit");
  await page.getByLabel("Language").selectOption("zh-CN");
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeVisible();
  await page.getByLabel("语言").selectOption("en");
  await expect(nav).toBeVisible();
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  expect(violations).toEqual([]);

  // The policy does bite, and the listener hears it: markup planted in the server's HTML (what a stored XSS would
  // be), an inline script without the nonce and a remote image, is refused and reported.
  await page.route("**/compose", async (route) => {
    const response = await route.fetch();
    const planted = '<script>window.plantedRan = true</script><img alt="" src="https://media.example/x.png"></body>';
    await route.fulfill({ response, body: (await response.text()).replace("</body>", planted) });
  });
  await page.goto("/compose");
  await expect.poll(() => violations.join("\n")).toContain("script-src-elem blocked inline");
  await expect.poll(() => violations.join("\n")).toContain("img-src blocked https://media.example/x.png");
  expect(await page.evaluate(() => (window as unknown as { plantedRan?: boolean }).plantedRan)).toBeUndefined();
});

test("headers do not get in the way of the sandbox's control endpoint used by the console's own pages", async ({ page }) => {
  await signInAsAdmin(page);
  const response = await page.request.put("/zim-sandbox/_sandbox/faults", { data: { Action: "QueryGroupInfo", LatencyMs: 1, Times: 1 }, headers: SAME_ORIGIN });
  expect(response.ok()).toBe(true);
  expectSecurityHeaders(response);
  expect((await page.request.delete("/zim-sandbox/_sandbox/faults?Action=QueryGroupInfo", { headers: SAME_ORIGIN })).ok()).toBe(true);
});
