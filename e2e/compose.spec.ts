import { expect, test } from "@playwright/test";
import { compose, expectTexts, groupMessages, inbox, reviewAndSend, seedGroup } from "./messages-support";
import { callServerAction, createOperator, firstSignIn, signInAsAdmin, uniqueEmail } from "./support";

test.beforeEach(async ({ page }) => {
  await signInAsAdmin(page);
});

test("a text to the whole group reaches every online member's inbox", async ({ page }) => {
  const g = await seedGroup(page, { a: { Online: true }, b: { Online: true }, c: { Online: false } });
  await compose(page, { from: g.sender, group: g.groupId, text: "Hello everyone" });
  await expect(page.getByTestId("group-status")).toHaveText("This group has 4 members.");
  await reviewAndSend(page, `Medium-priority text message to group ${g.groupId} in app Sandbox, all of its 4 members; push off`);
  await expect(page.getByTestId("outcome")).toHaveText("Delivered");
  await expectTexts(page, g.ids.a, g.groupId, ["Hello everyone"]);
  await expectTexts(page, g.ids.b, g.groupId, ["Hello everyone"]);
  expect((await inbox(page, g.ids.c, g.groupId))[0]).toMatchObject({ Delivered: false, Unread: true });
});

test("only these members: a pasted list, checked line by line, reaches only them", async ({ page }) => {
  const g = await seedGroup(page, { a: { Online: true }, b: { Online: true }, c: { Online: true } });
  const form = await compose(page, { from: g.sender, group: g.groupId, text: "Just for two" });
  await form.getByLabel("Only these members").check();
  const list = form.getByLabel("Members who receive it");
  await list.fill(`${g.ids.a}, ${g.ids.b}\nbad/id\n${g.ids.a}`);
  await expect(form.getByTestId("recipient-count")).toHaveText("2 members listed · 1 not valid · 1 repeated (ignored)");
  await form.getByRole("button", { name: "Review and send…" }).click();
  await expect(form.getByText('Line 2: The receiver user ID contains "/", which ZIM does not accept.', { exact: false })).toBeVisible();
  await expect(list).toHaveAttribute("aria-invalid", "true");
  await form.getByRole("button", { name: "Tidy the list" }).click();
  await expect(list).toHaveValue(`${g.ids.a}\n${g.ids.b}`);
  await expect(form.getByText("and receivers cannot reply to, react to or edit it", { exact: false })).toBeVisible();
  await reviewAndSend(page, `Medium-priority text message to group ${g.groupId} in app Sandbox, only 2 of its 4 members: ${g.ids.a}, ${g.ids.b}; push off`);
  await expectTexts(page, g.ids.a, g.groupId, ["Just for two"]);
  await expectTexts(page, g.ids.b, g.groupId, ["Just for two"]);
  expect(await inbox(page, g.ids.c, g.groupId)).toEqual([]);
  expect((await inbox(page, g.ids.a, g.groupId))[0]).toMatchObject({ Targeted: true, Unread: false });
});

test("everyone except these members: picked from the group and from a CSV file", async ({ page }) => {
  const g = await seedGroup(page, { a: { Online: true }, b: { Online: true }, c: { Online: true } });
  const form = await compose(page, { from: g.sender, group: g.groupId, text: "Not for a or b" });
  await form.getByLabel("Everyone except these members").check();
  await form.getByRole("button", { name: "Pick from the group (4)" }).click();
  await form.getByLabel("Find a member").fill(g.ids.a);
  await form.getByRole("checkbox", { name: g.ids.a }).check();
  await form.getByRole("button", { name: "Add 1 to the list" }).click();
  await form.getByLabel("Load a CSV or text file").setInputFiles({ name: "skip.csv", mimeType: "text/csv", buffer: Buffer.from(`name,user_id\nBee,${g.ids.b}\n`) });
  await expect(form.getByLabel("Members who do not receive it")).toHaveValue(`${g.ids.a}\n${g.ids.b}`);
  await reviewAndSend(page, new RegExp(`everyone except 2 of its 4 members \\(2 receive it\\), left out: ${g.ids.a}, ${g.ids.b}; push off$`));
  await expectTexts(page, g.ids.c, g.groupId, ["Not for a or b"]);
  expect(await inbox(page, g.ids.a, g.groupId)).toEqual([]);
  expect(await inbox(page, g.ids.b, g.groupId)).toEqual([]);
});

test("a custom message carries its SubMsgType and searchable text; the limits are checked live", async ({ page }) => {
  const g = await seedGroup(page, { a: { Online: true } });
  const form = await compose(page, { from: g.sender, group: g.groupId });
  // The group picker offers the app's groups (QueryAppGroupList, cached); typing stays possible.
  await expect(page.locator('#c-group-options option[value="sample-team"]')).toHaveCount(1);
  await form.getByLabel("Message type").selectOption("200");
  await form.getByLabel("Custom content").fill('{"card":"welcome"}');
  const sub = form.getByLabel("Sub-type (SubMsgType)");
  const search = form.getByLabel("Searchable text");
  await sub.fill("201");
  await expect(form.getByText("The custom message sub-type (SubMsgType) must be a whole number from 0 to 200.")).toBeVisible();
  await sub.fill("-1");
  await expect(form.getByText("The custom message sub-type (SubMsgType) must be a whole number from 0 to 200.")).toBeVisible();
  await sub.fill("200");
  await expect(form.getByText("must be a whole number from 0 to 200.", { exact: false })).toHaveCount(0);
  await search.fill(`${"汉".repeat(21)}ab`);
  await expect(form.getByText("65 / 64 bytes — 1 over the limit")).toBeVisible();
  await expect(form.getByText("65 bytes, the limit is 64 bytes", { exact: false })).toBeVisible();
  await search.fill(`${"汉".repeat(21)}a`);
  await expect(form.getByText("64 / 64 bytes")).toBeVisible();
  await sub.fill("7");
  await reviewAndSend(page, new RegExp(`^Medium-priority custom message to group ${g.groupId} in app Sandbox, all of its 2 members; push off$`));
  await expect(page.getByTestId("outcome")).toHaveText("Delivered");
  const [stored] = await groupMessages(page, g.groupId);
  expect(stored).toMatchObject({ MessageType: 200, SubMsgType: 7, SearchedContent: `${"汉".repeat(21)}a` });
  expect((await inbox(page, g.ids.a, g.groupId))[0]).toMatchObject({ SubMsgType: 7, MessageBody: { Message: '{"card":"welcome"}' } });
});

test("push settings reach offline members who registered for push", async ({ page }) => {
  const g = await seedGroup(page, { online: { Online: true }, away: { Online: false, PushRegistered: true }, silent: { Online: false } });
  const form = await compose(page, { from: g.sender, group: g.groupId, text: "Doors open at 9" });
  await form.getByLabel("Send an offline push to members who are offline").check();
  await form.getByLabel("Push title").fill("Event news");
  await form.getByLabel("Push text").fill("Doors open at 9");
  await expect(page.getByRole("figure", { name: "As a push notification" })).toContainText("Event news");
  await reviewAndSend(page, /; push on$/);
  await expect.poll(async () => (await inbox(page, g.ids.away, g.groupId)).map((m) => m.Kind).sort()).toEqual(["group", "push"]);
  const push = (await inbox(page, g.ids.away, g.groupId)).find((m) => m.Kind === "push");
  expect(push?.MessageBody.OfflinePush).toMatchObject({ Enable: 1, Title: "Event news", Content: "Doors open at 9" });
  expect((await inbox(page, g.ids.silent, g.groupId)).map((m) => m.Kind)).toEqual(["group"]);
  expect((await inbox(page, g.ids.online, g.groupId)).map((m) => m.Kind)).toEqual(["group"]);
});

test("a blocked word shows moderation's reason, and nobody receives the message", async ({ page }) => {
  const g = await seedGroup(page, { a: { Online: true } });
  await compose(page, { from: g.sender, group: g.groupId, text: "This is forbidden content" });
  await reviewAndSend(page);
  await expect(page.getByTestId("outcome")).toHaveText("Blocked by moderation");
  await expect(page.getByTestId("outcome-sentence")).toContainText("nobody received it");
  const audit = page.getByRole("table", { name: "What moderation blocked" });
  await expect(audit.getByRole("row", { name: /The message contains the blocked word "forbidden"/ })).toBeVisible();
  expect(await inbox(page, g.ids.a, g.groupId)).toEqual([]);
});

test("an unknown group is explained before and after sending", async ({ page }) => {
  const g = await seedGroup(page, { a: { Online: true } });
  await compose(page, { from: g.sender, group: `${g.groupId}-nope`, text: "Anyone there?" });
  await expect(page.getByTestId("group-status")).toContainText("Could not read this group: The group does not exist.");
  await reviewAndSend(page, /in app Sandbox, every member; push off$/);
  await expect(page.getByTestId("outcome")).toHaveText("Refused by ZIM");
  await expect(page.getByTestId("return-code-hint")).toContainText("Code 660600001:");
  await expect(page.getByTestId("return-code-hint")).toContainText("The group does not exist.");
});

test("a double click, a second tab and a reload never send the composed message twice", async ({ page, context }) => {
  const g = await seedGroup(page, { a: { Online: true } });
  await compose(page, { from: g.sender, group: g.groupId, text: "Exactly once" });
  await page.reload();
  await expect(page.getByText("Your draft was restored.")).toBeVisible();
  await expect(page.getByLabel("Message", { exact: true })).toHaveValue("Exactly once");

  const second = await context.newPage();
  await second.goto("/compose");
  await expect(second.getByLabel("Message", { exact: true })).toHaveValue("Exactly once");

  await page.getByRole("button", { name: "Review and send…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Send now" }).dblclick();
  await expect(page).toHaveURL(/\/history\/[0-9a-f-]{36}$/);
  const first = page.url();

  await second.getByRole("button", { name: "Review and send…" }).click();
  await second.getByRole("dialog").getByRole("button", { name: "Send now" }).click();
  await expect(second).toHaveURL(first);

  await expectTexts(page, g.ids.a, g.groupId, ["Exactly once"]);
  await page.goto(`/history?group=${g.groupId}`);
  await expect(page.getByTestId("history-row")).toHaveCount(1);
  await page.goto("/compose");
  await expect(page.getByLabel("Message", { exact: true })).toHaveValue("");
});

test("a viewer cannot send: no composer, and the server action refuses", async ({ page, browser, request }) => {
  const g = await seedGroup(page, { a: { Online: true } });
  const email = uniqueEmail("compose-viewer");
  const oneTime = await createOperator(page, email, "viewer");
  const viewer = await browser.newPage();
  await firstSignIn(viewer, email, oneTime, "viewer-password-123");
  await viewer.goto("/compose");
  await expect(viewer.getByTestId("viewer-cannot-send")).toBeVisible();
  await expect(viewer.getByRole("form", { name: "Group message" })).toHaveCount(0);
  const input = {
    appKey: "sandbox", idempotencyKey: "viewer-attempt-0123456789",
    request: { FromUserId: g.sender, GroupId: g.groupId, MessageType: 1, Priority: 2, MessageBody: { Message: "from a viewer" } },
  };
  const denied = await callServerAction(request, viewer, { file: "app/(console)/compose/actions.ts", name: "sendMessageAction", args: [input], path: "/compose" });
  expect(denied.body).toContain("Your role does not allow this.");
  expect(await inbox(page, g.ids.a, g.groupId)).toEqual([]);
  await viewer.goto("/history");
  await expect(viewer.getByRole("heading", { name: "History", level: 1 })).toBeVisible();
});
