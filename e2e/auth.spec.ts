import { expect, test } from "@playwright/test";
import { E2E_ADMIN, signIn, signInAsAdmin, uniqueEmail } from "./support";

test("the first admin from the environment signs in and out", async ({ page }) => {
  await signInAsAdmin(page);
  await expect(page).toHaveURL(/\/compose$/);
  await expect(page.getByTestId("current-operator")).toContainText("Admin");

  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith("zim-console.session_token"));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
  expect(session?.expires).toBeGreaterThan(Date.now() / 1000);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a wrong password shows a message next to the field and signs no one in", async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, "not-the-password");
  const field = page.getByLabel("Password");
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("the browser refuses an empty or malformed email before anything is sent", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("This field is required.")).toBeVisible();
});

test("repeated failures for one account are throttled", async ({ page }) => {
  const email = uniqueEmail("throttled");
  for (let attempt = 0; attempt < 5; attempt++) {
    await signIn(page, email, `wrong-password-${attempt}`);
    await expect(page.getByText("Wrong email or password.")).toBeVisible();
  }
  await signIn(page, email, "wrong-password-again");
  await expect(page.getByText(/Too many failed sign-ins\. Try again in \d+ minutes?\./)).toBeVisible();
});

test("a tampered session cookie is refused and the operator is asked to sign in again", async ({ page }) => {
  await signInAsAdmin(page);
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith("zim-console.session_token"))!;
  await page.context().clearCookies();
  await page.context().addCookies([{ ...session, value: `${session.value.slice(0, -4)}AAAA` }]);
  await page.goto("/settings/apps");
  await expect(page).toHaveURL(/\/sign-in\?reason=expired$/);
  await expect(page.getByText("Your session has ended. Sign in again to continue.")).toBeVisible();
});
