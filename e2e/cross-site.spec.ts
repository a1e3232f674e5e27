import { expect, test, type Page } from "@playwright/test";
import { unique } from "./messages-support";
import { callServerAction, E2E_URL, SAME_ORIGIN, signInAsAdmin } from "./support";

const ADD_USER = { file: "app/(console)/sandbox/actions.ts", name: "addUserAction", path: "/sandbox" };

/** Each way a request can fail to come from the console's own pages. */
const FOREIGN: Record<string, Record<string, string>> = {
  "another site's Origin": { Origin: "https://evil.example" },
  "an opaque Origin": { Origin: "null" },
  "the console's host on another port": { Origin: E2E_URL.replace(/:\d+$/, ":1") },
  "a cross-site fetch naming the console's Origin": { ...SAME_ORIGIN, "Sec-Fetch-Site": "cross-site" },
};

async function sandboxUserIds(page: Page): Promise<string[]> {
  const response = await page.request.get("/zim-sandbox/_sandbox/users");
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { Users: { UserId: string }[] }).Users.map((u) => u.UserId);
}

test("a cross-site request changes nothing: server actions and the sandbox controls refuse a foreign or missing Origin", async ({ page, request }) => {
  await signInAsAdmin(page);
  const tried: string[] = [];

  for (const [why, headers] of Object.entries(FOREIGN)) {
    const viaAction = unique("xs-action");
    const refused = await callServerAction(request, page, { ...ADD_USER, args: [{ UserId: viaAction, UserName: "", Online: true, PushRegistered: false }], headers });
    expect(refused.status, `server action, ${why}`).toBe(403);
    const viaRoute = unique("xs-route");
    const control = await page.request.post("/zim-sandbox/_sandbox/users", { data: { UserId: viaRoute }, headers });
    expect(control.status(), `control endpoint, ${why}`).toBe(403);
    tried.push(viaAction, viaRoute);
  }
  // A request that names no origin at all (not a browser page of the console) is refused too.
  const noOrigin = unique("xs-none");
  expect((await page.request.post("/zim-sandbox/_sandbox/users", { data: { UserId: noOrigin } })).status()).toBe(403);
  tried.push(noOrigin);
  expect((await sandboxUserIds(page)).filter((id) => tried.includes(id))).toEqual([]);

  // The same requests from the console's own origin go through.
  const viaAction = unique("ok-action");
  const accepted = await callServerAction(request, page, { ...ADD_USER, args: [{ UserId: viaAction, UserName: "", Online: true, PushRegistered: false }] });
  expect(accepted.status).toBe(200);
  const viaRoute = unique("ok-route");
  expect((await page.request.post("/zim-sandbox/_sandbox/users", { data: { UserId: viaRoute }, headers: SAME_ORIGIN })).ok()).toBe(true);
  expect(await sandboxUserIds(page)).toEqual(expect.arrayContaining([viaAction, viaRoute]));
});

test("the signed ZIM API of the sandbox stays open to machine clients, which send no Origin", async ({ request }) => {
  const response = await request.post("/zim-sandbox/?Action=QueryAppGroupList", { data: {} });
  expect(response.status()).toBe(200);
  // Refused for its missing signature (ZIM's own check), not for its origin.
  expect(((await response.json()) as { Code: number }).Code).not.toBe(0);
});

test("behind a proxy that passes on its own Host, an action from the console's public origin is still accepted", async ({ page, request }) => {
  await signInAsAdmin(page);
  const userId = unique("proxied");
  const internalHost = new URL(E2E_URL).host.replace("localhost", "127.0.0.1");
  const proxied = await callServerAction(request, page, {
    ...ADD_USER,
    args: [{ UserId: userId, UserName: "", Online: true, PushRegistered: false }],
    headers: { Host: internalHost, "X-Forwarded-Host": internalHost },
  });
  // Next.js compares Origin with X-Forwarded-Host; CONSOLE_URL's host is in serverActions.allowedOrigins.
  expect(proxied.status).toBe(200);
  expect(await sandboxUserIds(page)).toContain(userId);
});
