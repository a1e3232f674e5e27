import { expect, test } from "@playwright/test";
import { signInAsAdmin } from "./support";

const SECRET = "feedfacecafebeef0123456789abcdef";

test("an admin adds a ZIM app; the ServerSecret is write-only and the sandbox banner goes away", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/settings/apps");
  await expect(page.getByText("Sandbox mode.")).toBeVisible();

  await page.getByRole("button", { name: "Add an app" }).click();
  const form = page.getByRole("form", { name: "New ZIM app" });
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText("This field is required.").first()).toBeVisible();

  await form.getByLabel("Name").fill("Staging EU");
  await form.getByLabel("AppId").fill("12345");
  await form.getByLabel("ServerSecret").fill("not-a-secret");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText("The ServerSecret is 32 characters", { exact: false })).toBeVisible();

  await form.getByLabel("ServerSecret").fill(SECRET);
  await form.getByLabel("API base URL").fill("http://evil.example");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText("Use an https:// address", { exact: false })).toBeVisible();
  await form.getByLabel("API base URL").fill("https://zim-api-fra.zego.im");
  await form.getByRole("button", { name: "Save" }).click();

  const item = page.getByRole("listitem").filter({ hasText: "Staging EU" });
  await expect(item).toContainText("AppId 12345");
  await expect(page.getByText("Sandbox mode.")).toHaveCount(0);
  expect(await page.content()).not.toContain(SECRET);

  await item.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("form", { name: "Edit Staging EU" });
  await expect(edit.getByTestId("secret-state")).toHaveText("ServerSecret set");
  expect(await page.content()).not.toContain(SECRET);
  await edit.getByLabel("Name").fill("Staging Frankfurt");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Staging Frankfurt" })).toBeVisible();

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("listitem").filter({ hasText: "Staging Frankfurt" }).getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText("Sandbox mode.")).toBeVisible();

  await page.goto("/settings/audit?action=zim-app.");
  await expect(page.getByRole("cell", { name: "zim-app.create" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "zim-app.update" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "zim-app.delete" })).toBeVisible();
});
