import { expect, test, type Page } from "@playwright/test";
import { compose, reviewAndSend } from "./messages-support";
import { announcementInput, idIn, scheduledAction, setSandboxApproval, wallTime } from "./scheduled-support";
import { callServerAction, createOperator, firstSignIn, SAME_ORIGIN, signInAsAdmin, uniqueEmail } from "./support";

/**
 * Stored text is rendered inert on every page that shows it: hostile strings go in through the forms, the server
 * actions and the sandbox's control endpoint, and each page that shows them must show them literally, run none of
 * them (no dialog) and grow no element from them.
 */
const run = Date.now().toString(36).slice(-4);
/** Within every name limit (60 characters for an app name); each part would run if rendered as HTML. */
const NAME = `"><img src=x onerror=alert(1)><svg onload=alert(2)>${run}`;
const TEXT = `${NAME} <script data-xss>alert(3)</script> javascript:alert(4) <a href="javascript:alert(5)">x</a> \u202Eevil`;
/** ZIM IDs allow < > = ( ) and spaces, so an ID can be markup too (at most 32 bytes). */
const GROUP_ID = `<img src=x onerror=alert(6)>${run}`;
const SENDER_ID = `<svg onload=alert(7)>${run}`;
const MEMBER_ID = `<b onmouseover=alert(8)>${run}`;
const BLOCKED_WORD = `<i onclick=alert(9)>w${run}</i>`;

const INJECTED = "img[onerror], svg[onload], b[onmouseover], i[onclick], script[data-xss], a[href^='javascript:']";

/**
 * Opens `path` and checks that each of `texts` is on it literally (as itself, or inside a request body shown as
 * JSON) while nothing of them ran or became markup.
 */
async function expectInert(page: Page, dialogs: string[], path: string, texts: string[]) {
  await page.goto(path);
  for (const text of texts) {
    const literal = page.getByText(text, { exact: false }).or(page.getByText(JSON.stringify(text).slice(1, -1), { exact: false }));
    await expect(literal.first(), `${path} shows ${text}`).toBeVisible();
  }
  await expect(page.locator(INJECTED), `${path} grew no element from stored text`).toHaveCount(0);
  expect(dialogs, `${path} ran no stored script`).toEqual([]);
}

test("hostile text stored anywhere is shown literally and never runs", async ({ page, browser, request }) => {
  test.setTimeout(180_000);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signInAsAdmin(page);

  // The rehearsal world, through the sandbox's control endpoint: users named with markup, a group whose ID is markup.
  const group = await page.request.post("/zim-sandbox/_sandbox/groups", {
    data: {
      GroupId: GROUP_ID,
      GroupName: NAME.slice(0, 50),
      GroupOwner: SENDER_ID,
      Members: [{ UserId: SENDER_ID, UserName: NAME, Online: true }, { UserId: MEMBER_ID, UserName: NAME, Online: true }],
    },
    headers: SAME_ORIGIN,
  });
  expect(group.status(), await group.text()).toBe(201);
  const before = ((await (await page.request.get("/zim-sandbox/_sandbox/settings")).json()) as { Settings: { BlockedWords: string[] } }).Settings;
  expect((await page.request.put("/zim-sandbox/_sandbox/settings", { data: { BlockedWords: [...before.BlockedWords, BLOCKED_WORD] }, headers: SAME_ORIGIN })).ok()).toBe(true);

  try {
    // A message through the composer, as an operator would paste it.
    const form = await compose(page, { from: SENDER_ID, group: GROUP_ID, text: TEXT });
    await expect(form.getByLabel("Message", { exact: true })).toHaveValue(TEXT);
    await reviewAndSend(page);
    expect(dialogs).toEqual([]);
    const resultPath = new URL(page.url()).pathname;
    await expectInert(page, dialogs, resultPath, [TEXT, GROUP_ID, SENDER_ID]);
    await expectInert(page, dialogs, "/history", [GROUP_ID]);
    await expectInert(page, dialogs, `/sandbox?group=${encodeURIComponent(GROUP_ID)}&user=${encodeURIComponent(MEMBER_ID)}`, [GROUP_ID, MEMBER_ID, NAME, TEXT.slice(0, 80)]); // the inbox shows a preview
    await expect(page.getByLabel("Blocked words")).toHaveValue(new RegExp(BLOCKED_WORD.replace(/[()]/g, "\\$&")));

    // A bulk send to the markup group whose text holds the markup blocked word: its results show ZIM's moderation
    // reason, which quotes the word.
    const bulk = await callServerAction(request, page, {
      file: "app/(console)/bulk/actions.ts",
      name: "createBulkAction",
      args: [{
        appKey: "sandbox",
        createKey: `xss-${run}-bulk-key-0000`,
        request: { FromUserId: SENDER_ID, GroupId: GROUP_ID, MessageType: 1, Priority: 2, MessageBody: { Message: `${TEXT} ${BLOCKED_WORD}` } },
        groupsText: GROUP_ID,
        schedule: { mode: "now", date: "", time: "", timeZone: "UTC", occurrence: "", repeat: "none", weekdays: [], until: "" },
      }],
      path: "/compose",
    });
    const bulkId = idIn(bulk.body);
    expect(bulkId, bulk.body.slice(0, 300)).toBeTruthy();
    const reason = `contains the blocked word "${BLOCKED_WORD}"`;
    await expect(async () => {
      await page.goto(`/bulk/${bulkId}`);
      await expect(page.getByText(reason).first()).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    await expectInert(page, dialogs, `/bulk/${bulkId}`, [GROUP_ID, reason]);
    await expectInert(page, dialogs, "/bulk", []);

    // An operator and a ZIM app named with markup, through their settings forms' server actions.
    const email = uniqueEmail("xss");
    const created = await callServerAction(request, page, { file: "app/(console)/settings/operators/actions.ts", name: "createOperatorAction", args: [{ email, name: NAME, role: "operator" }], path: "/settings/operators" });
    expect(created.body).toContain(email);
    const app = await callServerAction(request, page, {
      file: "app/(console)/settings/apps/actions.ts",
      name: "saveZimAppAction",
      args: [{ name: NAME, appId: 4242, serverSecret: "0123456789abcdef0123456789abcdef", baseUrl: "https://zim-api.zego.im", isProduction: false, rateLimits: { SendGroupMessage: 10, SendMessageToAllUsers: 1, RevokeGroupMessage: 20, QueryAppGroupList: 1, QueryGroupInfo: 20, QueryGroupMemberList: 20, QueryUserOnlineState: 20 }, broadcastDailyLimit: 100, recallWindowSeconds: 120, testGroupId: GROUP_ID }],
      path: "/settings/apps",
    });
    const appId = idIn(app.body);
    expect(appId, app.body.slice(0, 300)).toBeTruthy();
    await expectInert(page, dialogs, "/settings/operators", [NAME]);
    await expectInert(page, dialogs, "/settings/apps", [NAME]);

    // A scheduled announcement with markup, rejected by a second operator with a markup reason.
    const reviewerEmail = uniqueEmail("xss-reviewer");
    const oneTime = await createOperator(page, reviewerEmail, "operator");
    const reviewer = await (await browser.newContext()).newPage();
    reviewer.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await firstSignIn(reviewer, reviewerEmail, oneTime, "xss-reviewer-password-1");
    await setSandboxApproval(page, true);
    try {
      const item = await scheduledAction(request, page, "createItemAction", announcementInput(SENDER_ID, TEXT, wallTime(Date.now() + 3_600_000)));
      const itemId = idIn(item.body);
      expect(itemId, item.body.slice(0, 300)).toBeTruthy();
      const rejected = await scheduledAction(request, reviewer, "reviewItemAction", { id: itemId, expectedVersion: 1, decision: "reject", reason: TEXT });
      expect(rejected.status).toBe(200);
      await expectInert(page, dialogs, `/scheduled/${itemId}`, [TEXT]);
      await expectInert(page, dialogs, "/scheduled", []);
      await expectInert(page, dialogs, "/history", [TEXT]);
      await expectInert(reviewer, dialogs, `/scheduled/${itemId}`, [TEXT]);
    } finally {
      await setSandboxApproval(page, false);
    }

    // Everything above left its trail: the audit log names the markup group, operator and app literally.
    await expectInert(page, dialogs, "/settings/audit", [GROUP_ID, NAME]);
    await callServerAction(request, page, { file: "app/(console)/settings/apps/actions.ts", name: "deleteZimAppAction", args: [{ id: appId }], path: "/settings/apps" });
  } finally {
    await page.request.put("/zim-sandbox/_sandbox/settings", { data: { BlockedWords: before.BlockedWords }, headers: SAME_ORIGIN });
  }
});
