import { expect, test } from "@playwright/test";
import { seriousViolations, signInAsAdmin } from "./support";

test("the sign-in page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/sign-in");
  expect(await seriousViolations(page)).toEqual([]);
});

for (const path of ["/compose", "/announcements", "/sandbox", "/scheduled", "/scheduled?view=calendar", "/bulk", "/settings/apps", "/settings/operators", "/settings/audit"]) {
  test(`${path} has no serious accessibility violations, in light and dark`, async ({ page }) => {
    await signInAsAdmin(page);
    await page.goto(path);
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await seriousViolations(page)).toEqual([]);
  });
}
