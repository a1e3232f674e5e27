import { expect, test, type APIRequestContext, type BrowserContext } from "@playwright/test";
import { seedGroup } from "./messages-support";
import { announcementInput, idIn, scheduledAction, wallTime } from "./scheduled-support";
import {
  buildManifest, callServerAction, createOperator, E2E_URL, firstSignIn, SAME_ORIGIN, signInAsAdmin, uniqueEmail,
  type ServerReferenceManifest,
} from "./support";

/**
 * Who may reach what, for everything the build contains. The pages, route handlers and server actions are read
 * from the build's own manifests, so one added later without a row here fails this test by name, as does a row
 * for something no longer built. Each is called over HTTP as the browser would, with each role's cookies.
 */

const WHO = ["anonymous", "viewer", "operator", "admin"] as const;
type Who = (typeof WHO)[number];

/** A page: "sign-in" (redirected there), "denied" (the no-access notice), "read-only" (a viewer's page without its form). */
type PageResult = "sign-in" | "page" | "read-only" | "denied" | "not-found" | "server-error" | `redirect ${string}`;
/** A route handler: its HTTP status, or "zim-refused" (HTTP 200 with a ZIM error Code, as ZIM answers). */
type RouteResult = number | "zim-refused";
/** A server action called with input it must reject: where did the call stop? */
type ActionResult = "session-ended" | "forbidden" | "invalid" | "done" | `redirect ${string}`;

type Cells<R> = Record<Who, R>;
const every = <R,>(result: R): Cells<R> => ({ anonymous: result, viewer: result, operator: result, admin: result });
const signedIn = <R,>(result: R, anonymous: R): Cells<R> => ({ anonymous, viewer: result, operator: result, admin: result });
const roles = <R,>(anonymous: R, viewer: R, operator: R, admin: R): Cells<R> => ({ anonymous, viewer, operator, admin });

/** Real rows the dynamic routes open: one send, one scheduled item and one group, made by the admin. */
interface Seeds { sendId: string; itemId: string; groupId: string }
type Path = string | ((seeds: Seeds) => string);
interface Call<R> { method?: "GET" | "POST" | "PUT" | "DELETE"; path: Path; body?: unknown; expect: Cells<R> }

/** A bulk send id no run has: the pages and routes of one run answer "not found" past the access check. */
const NO_SUCH_RUN = "00000000-0000-4000-8000-000000000000";

const ADMIN_ONLY_PAGE = roles<PageResult>("sign-in", "denied", "denied", "page");

/** THE table. Keys: routes as the build names them; actions as "file#export". */
const MATRIX: {
  pages: Record<string, Call<PageResult>>;
  routes: Record<string, Call<RouteResult>[]>;
  actions: Record<string, { args: unknown[]; expect: Cells<ActionResult>; endsSession?: true }>;
} = {
  pages: {
    "/": { path: "/", expect: signedIn("redirect /compose", "sign-in") },
    "/sign-in": { path: "/sign-in", expect: signedIn("redirect /", "page") },
    "/change-password": { path: "/change-password", expect: signedIn("page", "sign-in") },
    "/compose": { path: "/compose", expect: roles("sign-in", "read-only", "page", "page") },
    "/announcements": { path: "/announcements", expect: roles("sign-in", "read-only", "page", "page") },
    "/history": { path: "/history", expect: signedIn("page", "sign-in") },
    "/history/[id]": { path: (s) => `/history/${s.sendId}`, expect: signedIn("page", "sign-in") },
    "/scheduled": { path: "/scheduled", expect: signedIn("page", "sign-in") },
    "/bulk": { path: "/bulk", expect: signedIn("page", "sign-in") },
    "/bulk/[id]": { path: `/bulk/${NO_SUCH_RUN}`, expect: signedIn("not-found", "sign-in") },
    "/scheduled/[id]": { path: (s) => `/scheduled/${s.itemId}`, expect: signedIn("page", "sign-in") },
    "/scheduled/[id]/edit": { path: (s) => `/scheduled/${s.itemId}/edit`, expect: roles("sign-in", "denied", "page", "page") },
    "/sandbox": { path: "/sandbox", expect: signedIn("page", "sign-in") },
    "/settings": { path: "/settings", expect: roles("sign-in", "denied", "denied", "redirect /settings/apps") },
    "/settings/apps": { path: "/settings/apps", expect: ADMIN_ONLY_PAGE },
    "/settings/operators": { path: "/settings/operators", expect: ADMIN_ONLY_PAGE },
    "/settings/audit": { path: "/settings/audit", expect: ADMIN_ONLY_PAGE },
    "/_not-found": { path: "/_not-found", expect: every("not-found") },
    // Next.js's static last-resort pages: they show no data to anyone.
    "/_global-error": { path: "/_global-error", expect: every("server-error") },
    "/500": { path: "/500", expect: every("not-found") },
  },
  routes: {
    "/api/announcements/quota": [{ path: "/api/announcements/quota?app=sandbox", expect: signedIn(200, 401) }],
    "/api/messages/[id]": [{ path: (s) => `/api/messages/${s.sendId}`, expect: signedIn(200, 401) }],
    "/api/messages/export": [{ path: "/api/messages/export", expect: signedIn(200, 401) }],
    "/api/messages/groups": [{ path: "/api/messages/groups?app=sandbox", expect: roles(401, 403, 200, 200) }],
    "/api/messages/members": [{ path: (s) => `/api/messages/members?app=sandbox&group=${s.groupId}`, expect: roles(401, 403, 200, 200) }],
    "/api/bulk": [{ path: "/api/bulk", expect: signedIn(200, 401) }],
    "/api/bulk/[id]": [{ path: `/api/bulk/${NO_SUCH_RUN}`, expect: signedIn(404, 401) }],
    "/bulk/[id]/export": [{ path: `/bulk/${NO_SUCH_RUN}/export`, expect: signedIn(404, 401) }],
    "/api/scheduled": [{ path: "/api/scheduled", expect: signedIn(200, 401) }],
    "/api/scheduled/[id]": [{ path: (s) => `/api/scheduled/${s.itemId}`, expect: signedIn(200, 401) }],
    "/api/scheduled/calendar": [{ path: "/api/scheduled/calendar", expect: signedIn(200, 401) }],
    "/zim-sandbox/[[...path]]": [
      { path: "/zim-sandbox/_sandbox/users", expect: signedIn(200, 401) },
      // An invalid fault: reaching validation (400) proves the call was let in, and changes nothing.
      { method: "PUT", path: "/zim-sandbox/_sandbox/faults", body: {}, expect: roles(401, 403, 400, 400) },
      { method: "DELETE", path: "/zim-sandbox/_sandbox/faults?Action=nonsense", expect: roles(401, 403, 400, 400) },
      // The ZIM API authenticates by signature, never by cookie: unsigned, it is refused for everyone alike.
      { method: "POST", path: "/zim-sandbox/?Action=SendGroupMessage", body: {}, expect: every("zim-refused") },
    ],
  },
  actions: {
    "app/(auth)/sign-in/actions.ts#signIn": { args: [{}], expect: every("invalid") },
    "app/(auth)/change-password/actions.ts#changePassword": {
      args: [{ currentPassword: "not-the-current-one", newPassword: "another-password-1", confirmPassword: "another-password-1" }],
      expect: signedIn("invalid", "session-ended"),
    },
    "lib/i18n/actions.ts#setLocale": { args: ["xx"], expect: every("done") },
    "lib/auth/sign-out-action.ts#signOut": { args: [], expect: every("redirect /sign-in"), endsSession: true },
    "app/(console)/compose/actions.ts#sendMessageAction": { args: [{}], expect: roles("session-ended", "forbidden", "invalid", "invalid") },
    "app/(console)/compose/actions.ts#testSendAction": { args: [{}], expect: roles("session-ended", "forbidden", "invalid", "invalid") },
    "app/(console)/announcements/actions.ts#sendAnnouncementAction": { args: [{}], expect: roles("session-ended", "forbidden", "invalid", "invalid") },
    "app/(console)/history/actions.ts#resendAction": { args: [{}], expect: roles("session-ended", "forbidden", "invalid", "invalid") },
    "app/(console)/history/actions.ts#recallAction": { args: [{}], expect: roles("session-ended", "forbidden", "invalid", "invalid") },
    "app/(console)/scheduled/actions.ts#createItemAction": { args: [{}], expect: roles("session-ended", "forbidden", "invalid", "invalid") },
    "app/(console)/scheduled/actions.ts#editItemAction": { args: [{}], expect: roles("session-ended", "forbidden", "invalid", "invalid") },
    "app/(console)/scheduled/actions.ts#cancelItemAction": { args: [{}], expect: roles("session-ended", "forbidden", "invalid", "invalid") },
    "app/(console)/scheduled/actions.ts#reviewItemAction": { args: [{}], expect: roles("session-ended", "forbidden", "invalid", "invalid") },
    "app/(console)/scheduled/actions.ts#markSeenAction": { args: [{}], expect: signedIn("invalid", "session-ended") },
    "app/(console)/bulk/actions.ts#createBulkAction": { args: [{}], expect: roles("session-ended", "forbidden", "invalid", "invalid") },
    "app/(console)/bulk/actions.ts#pauseBulkAction": { args: [{}], expect: roles("session-ended", "forbidden", "invalid", "invalid") },
    "app/(console)/bulk/actions.ts#resumeBulkAction": { args: [{}], expect: roles("session-ended", "forbidden", "invalid", "invalid") },
    "app/(console)/bulk/actions.ts#cancelBulkAction": { args: [{}], expect: roles("session-ended", "forbidden", "invalid", "invalid") },
    "app/(console)/bulk/actions.ts#retryFailedBulkAction": { args: [{}], expect: roles("session-ended", "forbidden", "invalid", "invalid") },
    "app/(console)/bulk/actions.ts#recallAllBulkAction": { args: [{}], expect: roles("session-ended", "forbidden", "invalid", "invalid") },
    "app/(console)/sandbox/actions.ts#addUserAction": { args: [{}], expect: roles("session-ended", "forbidden", "invalid", "invalid") },
    "app/(console)/sandbox/actions.ts#setUserFlagsAction": { args: [{}], expect: roles("session-ended", "forbidden", "invalid", "invalid") },
    "app/(console)/sandbox/actions.ts#addGroupAction": { args: [{}], expect: roles("session-ended", "forbidden", "invalid", "invalid") },
    "app/(console)/sandbox/actions.ts#saveSandboxSettingsAction": { args: [{}], expect: roles("session-ended", "forbidden", "invalid", "invalid") },
    "app/(console)/sandbox/actions.ts#resetSandboxAction": { args: [{}], expect: roles("session-ended", "forbidden", "invalid", "invalid") },
    "app/(console)/settings/apps/actions.ts#saveZimAppAction": { args: [{}], expect: roles("session-ended", "forbidden", "forbidden", "invalid") },
    "app/(console)/settings/apps/actions.ts#deleteZimAppAction": { args: [{}], expect: roles("session-ended", "forbidden", "forbidden", "invalid") },
    "app/(console)/settings/apps/actions.ts#saveAppPolicyAction": { args: [{}], expect: roles("session-ended", "forbidden", "forbidden", "invalid") },
    "app/(console)/settings/operators/actions.ts#createOperatorAction": { args: [{}], expect: roles("session-ended", "forbidden", "forbidden", "invalid") },
    "app/(console)/settings/operators/actions.ts#setRoleAction": { args: [{}], expect: roles("session-ended", "forbidden", "forbidden", "invalid") },
    "app/(console)/settings/operators/actions.ts#setDisabledAction": { args: [{}], expect: roles("session-ended", "forbidden", "forbidden", "invalid") },
    "app/(console)/settings/operators/actions.ts#resetPasswordAction": { args: [{}], expect: roles("session-ended", "forbidden", "forbidden", "invalid") },
  },
};

/** What the build contains, by the same keys as the table. */
function builtEntries() {
  const appRoutes = buildManifest<Record<string, string>>("app-path-routes-manifest.json");
  const pagesRouter = Object.keys(buildManifest<Record<string, string>>("server/pages-manifest.json"))
    .filter((p) => !["/_app", "/_document", "/_error"].includes(p));
  const actions = buildManifest<ServerReferenceManifest>("server/server-reference-manifest.json").node;
  return {
    pages: [...Object.entries(appRoutes).filter(([k]) => k.endsWith("/page")).map(([, v]) => v), ...pagesRouter].sort(),
    routes: Object.entries(appRoutes).filter(([k]) => k.endsWith("/route")).map(([, v]) => v).sort(),
    actions: Object.values(actions).map((a) => `${a.filename}#${a.exportedName}`).sort(),
    /** A page each action is bound to (Next.js runs an action as a POST to a page that imports it). */
    actionPage: (key: string) => {
      const worker = Object.keys(Object.values(actions).find((a) => `${a.filename}#${a.exportedName}` === key)?.workers ?? {})[0] ?? "";
      return appRoutes[worker.replace(/^app/, "")] ?? "/";
    },
  };
}

function pageResult(status: number, location: string | undefined, body: string): PageResult | string {
  if (status >= 300 && status < 400 && location) {
    const target = new URL(location, "http://console").pathname;
    return target === "/sign-in" ? "sign-in" : `redirect ${target}`;
  }
  if (status === 404) return "not-found";
  if (status === 500) return "server-error";
  if (status !== 200) return `status ${status}`;
  if (body.includes('data-testid="access-denied"')) return "denied";
  if (body.includes('data-testid="viewer-cannot-send"')) return "read-only";
  return "page";
}

function actionResult(status: number, headers: Record<string, string>, body: string): ActionResult | string {
  if (headers["x-action-redirect"]) return `redirect ${headers["x-action-redirect"].split(";")[0]}`;
  if (status !== 200) return `status ${status}`;
  if (body.includes('"serverError":"Your session has ended.')) return "session-ended";
  if (body.includes('"serverError":"Your role does not allow this.')) return "forbidden";
  const serverError = /"serverError":"([^"]*)"/.exec(body)?.[1];
  if (serverError) return `server error: ${serverError}`;
  if (body.includes('"validationErrors"')) return "invalid";
  return "done";
}

async function routeResult(request: APIRequestContext, call: Call<RouteResult>, path: string): Promise<RouteResult | string> {
  const response = await request.fetch(path, {
    method: call.method ?? "GET",
    headers: call.method && call.method !== "GET" ? SAME_ORIGIN : {},
    ...(call.body === undefined ? {} : { data: call.body }),
    maxRedirects: 0,
  });
  if (response.status() === 200 && path.startsWith("/zim-sandbox/?")) {
    return ((await response.json()) as { Code?: number }).Code ? "zim-refused" : 200;
  }
  return response.status();
}

const resolve = (path: Path, seeds: Seeds) => (typeof path === "function" ? path(seeds) : path);

test("every page, route handler and server action of the build answers each role as the table says", async ({ browser, page, playwright, request }) => {
  test.setTimeout(180_000);
  const built = builtEntries();
  // Nothing built is missing from the table, and the table names nothing that is no longer built.
  expect({ unlisted: built.pages.filter((p) => !(p in MATRIX.pages)), stale: Object.keys(MATRIX.pages).filter((p) => !built.pages.includes(p)) }, "pages").toEqual({ unlisted: [], stale: [] });
  expect({ unlisted: built.routes.filter((r) => !(r in MATRIX.routes)), stale: Object.keys(MATRIX.routes).filter((r) => !built.routes.includes(r)) }, "route handlers").toEqual({ unlisted: [], stale: [] });
  expect({ unlisted: built.actions.filter((a) => !(a in MATRIX.actions)), stale: Object.keys(MATRIX.actions).filter((a) => !built.actions.includes(a)) }, "server actions").toEqual({ unlisted: [], stale: [] });

  // One request context per role, holding that role's cookies as its browser does (and nothing else).
  await signInAsAdmin(page);
  const as = (storageState?: Awaited<ReturnType<BrowserContext["storageState"]>>) => playwright.request.newContext({ baseURL: E2E_URL, storageState });
  const contexts = { anonymous: await as(), admin: await as(await page.context().storageState()) } as Record<Who, APIRequestContext>;
  for (const role of ["viewer", "operator"] as const) {
    const email = uniqueEmail(`matrix-${role}`);
    const oneTime = await createOperator(page, email, role);
    const other = await browser.newPage();
    await firstSignIn(other, email, oneTime, `${role}-password-123`);
    contexts[role] = await as(await other.context().storageState());
    await other.close();
  }

  const g = await seedGroup(page, { a: { Online: true } });
  const send = await callServerAction(request, page, {
    file: "app/(console)/compose/actions.ts", name: "sendMessageAction", path: "/compose",
    args: [{ appKey: "sandbox", idempotencyKey: `matrix-${Date.now()}-0123456789`, request: { FromUserId: g.sender, GroupId: g.groupId, MessageType: 1, Priority: 2, MessageBody: { Message: "access matrix" } } }],
  });
  const later = wallTime(Date.now() + 6 * 60 * 60_000);
  const item = await scheduledAction(request, page, "createItemAction", {
    ...announcementInput(g.sender, "access matrix", later), kind: "group",
    request: { FromUserId: g.sender, GroupId: g.groupId, MessageType: 1, Priority: 2, MessageBody: { Message: "access matrix" } },
  });
  const seeds: Seeds = { sendId: idIn(send.body)!, itemId: idIn(item.body)!, groupId: g.groupId };
  expect(seeds.sendId && seeds.itemId, `${send.body}\n${item.body}`).toBeTruthy();

  type Result = string | number;
  const actual: { pages: Record<string, Cells<Result>>; routes: Record<string, Cells<Result>[]>; actions: Record<string, Cells<Result>> } = { pages: {}, routes: {}, actions: {} };
  const expected: typeof actual = { pages: {}, routes: {}, actions: {} };

  for (const [key, call] of Object.entries(MATRIX.pages)) {
    expected.pages[key] = call.expect;
    actual.pages[key] = every<Result>("");
    for (const who of WHO) {
      const response = await contexts[who].get(resolve(call.path, seeds), { maxRedirects: 0 });
      actual.pages[key][who] = pageResult(response.status(), response.headers()["location"], await response.text());
    }
  }
  for (const [key, calls] of Object.entries(MATRIX.routes)) {
    expected.routes[key] = calls.map((c) => c.expect);
    actual.routes[key] = [];
    for (const call of calls) {
      const cells = every<Result>("");
      for (const who of WHO) cells[who] = await routeResult(contexts[who], call, resolve(call.path, seeds));
      actual.routes[key].push(cells);
    }
  }
  // Sign-out ends the session it is called with, so it goes last.
  const actionKeys = Object.keys(MATRIX.actions).sort((a, b) => Number(!!MATRIX.actions[a]!.endsSession) - Number(!!MATRIX.actions[b]!.endsSession));
  for (const key of actionKeys) {
    const row = MATRIX.actions[key]!;
    const [file, name] = key.split("#") as [string, string];
    const path = built.actionPage(key).replace(/\[\w+\]/g, "00000000-0000-4000-8000-000000000000");
    expected.actions[key] = row.expect;
    actual.actions[key] = every<Result>("");
    for (const who of WHO) {
      const response = await callServerAction(contexts[who], null, { file, name, args: row.args, path });
      actual.actions[key][who] = actionResult(response.status, response.headers, response.body);
    }
  }
  expect(actual).toEqual(expected);
  for (const context of Object.values(contexts)) await context.dispose();
});
