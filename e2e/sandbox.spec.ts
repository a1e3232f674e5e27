import { expect, test } from "@playwright/test";
import { createOperator, firstSignIn, SAME_ORIGIN, signInAsAdmin, uniqueEmail } from "./support";

test("the Sandbox page shows the sample world and what each user received", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/sandbox");
  await expect(page.getByRole("heading", { name: "Sandbox", level: 1 })).toBeVisible();
  const groups = page.getByRole("region", { name: "Groups" }).or(page.locator("section[aria-labelledby=sandbox-groups]"));
  await expect(groups.getByRole("row")).not.toHaveCount(1);

  const firstGroupLink = groups.getByRole("link").first();
  const groupId = (await firstGroupLink.textContent())!.trim();
  await firstGroupLink.click();
  await expect(page.getByRole("heading", { name: `Members of ${groupId}` })).toBeVisible();
  const member = page.locator("section[aria-labelledby=sandbox-members]").getByRole("link").first();
  const userId = (await member.textContent())!.trim();
  await member.click();
  await expect(page.getByRole("heading", { name: new RegExp(`\\(${userId}\\) received`) })).toBeVisible();
});

test("an operator adds users and a group, and switches a member offline", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/sandbox");
  const suffix = Date.now().toString(36);

  const userForm = page.getByRole("form", { name: "Add or change a user" });
  await userForm.getByLabel("User ID").fill("bad/id");
  await userForm.getByRole("button", { name: "Save user" }).click();
  await expect(userForm.getByText("Use letters, digits and", { exact: false })).toBeVisible();
  await userForm.getByLabel("User ID").fill(`alice-${suffix}`);
  await userForm.getByRole("button", { name: "Save user" }).click();
  await expect(userForm.getByText(`User alice-${suffix} saved.`)).toBeVisible();

  const groupForm = page.getByRole("form", { name: "Add a group" });
  await groupForm.getByLabel("Group ID").fill(`room-${suffix}`);
  await groupForm.getByLabel("Member IDs").fill(`alice-${suffix}, bob-${suffix}\ncarol-${suffix}`);
  await groupForm.getByRole("button", { name: "Create group" }).click();
  await expect(groupForm.getByText(`Group room-${suffix} created.`)).toBeVisible();
  await groupForm.getByLabel("Group ID").fill(`room-${suffix}`);
  await groupForm.getByRole("button", { name: "Create group" }).click();
  await expect(groupForm.getByText(`The sandbox already has a group room-${suffix}.`)).toBeVisible();

  await page.goto(`/sandbox?group=room-${suffix}`);
  const members = page.locator("section[aria-labelledby=sandbox-members]");
  await expect(members.getByRole("row")).toHaveCount(5);
  const toggle = members.getByRole("button", { name: `Switch alice-${suffix} online or offline` });
  await expect(toggle).toHaveText("Online");
  await toggle.click();
  await expect(toggle).toHaveText("Offline");

  const inWorld = await page.request.get(`/zim-sandbox/_sandbox/members?GroupId=room-${suffix}`);
  const body = (await inWorld.json()) as { Members: { UserId: string; Online: boolean }[] };
  expect(body.Members.find((m) => m.UserId === `alice-${suffix}`)?.Online).toBe(false);
});

test("the sandbox controls need a signed-in operator; viewers only read", async ({ page, browser, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get("/zim-sandbox/_sandbox/users")).status()).toBe(401);
  // The ZIM API itself authenticates by signature, like the real host: no signature, a ZIM error code.
  const api = await anonymous.post("/zim-sandbox/?Action=SendGroupMessage", { data: {} });
  expect(api.status()).toBe(200);
  expect(((await api.json()) as { Code: number }).Code).toBe(100000001);
  await anonymous.dispose();

  await signInAsAdmin(page);
  const email = uniqueEmail("sandbox-viewer");
  const oneTime = await createOperator(page, email, "viewer");
  const viewer = await browser.newPage();
  await firstSignIn(viewer, email, oneTime, "viewer-password-123");
  await viewer.goto("/sandbox");
  await expect(viewer.getByRole("heading", { name: "Groups" })).toBeVisible();
  await expect(viewer.getByRole("form")).toHaveCount(0);
  expect((await viewer.request.get("/zim-sandbox/_sandbox/users")).status()).toBe(200);
  expect((await viewer.request.post("/zim-sandbox/_sandbox/reset", { headers: SAME_ORIGIN })).status()).toBe(403);
});

test("the Sandbox page counts the API calls it answered, refused ones included", async ({ page }) => {
  await signInAsAdmin(page);
  // An unsigned call: refused by the signature check, counted under its Action.
  const refused = await page.request.post("/zim-sandbox/?Action=QueryGroupInfo", { data: {} });
  expect((await refused.json()).Code).not.toBe(0);
  await page.goto("/sandbox");
  const calls = page.locator("section[aria-labelledby=sandbox-calls]");
  await expect(calls.getByRole("heading", { name: /API calls since/ })).toBeVisible();
  const row = calls.getByRole("row").filter({ hasText: "QueryGroupInfo" });
  await expect(row.getByRole("cell").nth(3)).not.toHaveText("0");
});
