import { expect, test } from "@playwright/test";
import { signInAsAdmin } from "./support";

test("the language switch turns the console into Chinese and back", async ({ page }) => {
  await signInAsAdmin(page);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Compose" })).toBeVisible();

  await page.getByLabel("Language").selectOption("zh-CN");
  const zhNav = page.getByRole("navigation", { name: "主导航" });
  await expect(zhNav.getByRole("link", { name: "撰写消息" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.reload();
  await expect(zhNav.getByRole("link", { name: "设置" })).toBeVisible();

  await page.getByLabel("语言").selectOption("en");
  await expect(nav.getByRole("link", { name: "Settings" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("a Chinese browser gets Chinese before any choice is made", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
  await context.close();
});
