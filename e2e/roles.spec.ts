import { expect, test } from "@playwright/test";
import { callServerAction, createOperator, firstSignIn, signInAsAdmin, uniqueEmail } from "./support";

const APP_ACTION = { file: "app/(console)/settings/apps/actions.ts", name: "saveZimAppAction", path: "/settings/apps" };

function appInput(name: string) {
  return {
    name,
    appId: 424242,
    serverSecret: "0123456789abcdef0123456789abcdef",
    baseUrl: "https://zim-api.zego.im",
    isProduction: false,
    rateLimits: {
      SendGroupMessage: 10, SendMessageToAllUsers: 1, RevokeGroupMessage: 20, QueryAppGroupList: 1,
      QueryGroupInfo: 20, QueryGroupMemberList: 20, QueryUserOnlineState: 20,
    },
    broadcastDailyLimit: 100,
    recallWindowSeconds: 120,
    testGroupId: "",
  };
}

test("a viewer cannot open Settings nor call its server actions", async ({ browser, request }) => {
  const adminPage = await browser.newPage();
  await signInAsAdmin(adminPage);
  const email = uniqueEmail("viewer");
  const oneTime = await createOperator(adminPage, email, "viewer");

  const viewer = await browser.newPage();
  await firstSignIn(viewer, email, oneTime, "viewer-password-123");
  await expect(viewer.getByTestId("current-operator")).toContainText("Viewer");
  await expect(viewer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toHaveCount(0);

  for (const path of ["/settings/apps", "/settings/operators", "/settings/audit"]) {
    await viewer.goto(path);
    await expect(viewer.getByTestId("access-denied")).toBeVisible();
    await expect(viewer.getByText("Your role does not include this page.", { exact: false })).toBeVisible();
  }

  // Bulk sends are read by every role; starting or changing one is not offered to a viewer.
  await viewer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Bulk sends" }).click();
  await expect(viewer.getByRole("heading", { name: "Bulk sends", level: 1 })).toBeVisible();
  await expect(viewer.getByRole("link", { name: "New bulk send" })).toHaveCount(0);

  const appName = `viewer-attempt-${Date.now()}`;
  const denied = await callServerAction(request, viewer, { ...APP_ACTION, args: [appInput(appName)] });
  expect(denied.status).toBe(200);
  expect(denied.body).toContain("Your role does not allow this.");

  const anonymous = await callServerAction(request, null, { ...APP_ACTION, args: [appInput(appName)] });
  expect(anonymous.body).toContain("Your session has ended.");

  await adminPage.goto("/settings/apps");
  await expect(adminPage.getByRole("heading", { name: "ZIM apps" })).toBeVisible();
  await expect(adminPage.getByText(appName)).toHaveCount(0);

  await adminPage.goto(`/settings/audit?action=access.denied&actor=${encodeURIComponent(email)}`);
  await expect(adminPage.getByRole("cell", { name: "apps:manage" })).toBeVisible();
});

test("a disabled operator is signed out at once and cannot sign in", async ({ browser }) => {
  const adminPage = await browser.newPage();
  await signInAsAdmin(adminPage);
  const email = uniqueEmail("disabled");
  const oneTime = await createOperator(adminPage, email, "operator");
  const op = await browser.newPage();
  await firstSignIn(op, email, oneTime, "operator-password-1");

  await adminPage.goto("/settings/operators");
  const row = adminPage.getByRole("row", { name: new RegExp(email) });
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row.getByRole("cell", { name: "Disabled", exact: true })).toBeVisible();

  await op.goto("/compose");
  await expect(op).toHaveURL(/\/sign-in/);
  await op.getByLabel("Email").fill(email);
  await op.getByLabel("Password").fill("operator-password-1");
  await op.getByRole("button", { name: "Sign in" }).click();
  await expect(op.getByText("This account has been disabled.", { exact: false })).toBeVisible();
});
