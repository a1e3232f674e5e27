import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_ADMIN, E2E_DIST_DIR, E2E_URL } from "../playwright.config";

export { E2E_ADMIN, E2E_URL };

/**
 * The Origin a console page's own fetch carries. Every state change that is not a signed ZIM call is refused
 * without it (proxy.ts), so requests made outside the browser, like those to the sandbox control endpoint, send it.
 */
export const SAME_ORIGIN = { Origin: E2E_URL } as const;

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInAsAdmin(page: Page): Promise<void> {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page.getByTestId("current-operator")).toContainText(E2E_ADMIN.email);
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@e2e.test`;
}

/** Creates an operator through the Settings page and returns the one-time password it shows. */
export async function createOperator(page: Page, email: string, role: "admin" | "operator" | "viewer"): Promise<string> {
  await page.goto("/settings/operators");
  const form = page.getByRole("form", { name: "Add an operator" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Name").fill(`Test ${role}`);
  await form.getByLabel("Role").selectOption(role);
  await form.getByRole("button", { name: "Add operator" }).click();
  const password = page.getByTestId("one-time-password");
  await expect(password).toBeVisible();
  return (await password.textContent())!.trim();
}

/** Signs in with a one-time password and completes the forced password change. */
export async function firstSignIn(page: Page, email: string, oneTimePassword: string, newPassword: string): Promise<void> {
  await signIn(page, email, oneTimePassword);
  await expect(page).toHaveURL(/\/change-password$/);
  await page.getByLabel("Current password").fill(oneTimePassword);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Repeat the new password").fill(newPassword);
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByTestId("current-operator")).toContainText(email);
}

/** One of the build's own manifests (`<distDir>/<file>`), as JSON. */
export function buildManifest<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(process.cwd(), E2E_DIST_DIR, file), "utf8")) as T;
}

export type ServerReferenceManifest = { node: Record<string, { filename?: string; exportedName?: string; workers?: Record<string, unknown> }> };

/** The id under which the build ships a server action, from its server-reference manifest. */
export function serverActionId(file: string, name: string): string {
  const manifest = buildManifest<ServerReferenceManifest>("server/server-reference-manifest.json");
  const id = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === name)?.[0];
  if (!id) throw new Error(`server action ${file}#${name} is not in the build manifest`);
  return id;
}

/** The Cookie header of a signed-in page's browser context ("" for none). */
export async function cookieHeader(page: Page | null): Promise<string> {
  return page ? (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ") : "";
}

/**
 * Calls a server action the way a browser does (POST with the Next-Action header and the page's Origin),
 * bypassing the UI, with the cookies of `page`. The action id comes from the build's own manifest, so the test
 * calls exactly what shipped. `headers` replaces or adds headers (a cross-site test sends another Origin).
 */
export async function callServerAction(
  request: APIRequestContext,
  page: Page | null,
  { file, name, args, path: pagePath = "/", headers = {} }: { file: string; name: string; args: unknown[]; path?: string; headers?: Record<string, string> },
): Promise<{ status: number; body: string; headers: Record<string, string> }> {
  const cookies = await cookieHeader(page);
  const response = await request.post(pagePath, {
    headers: {
      "Next-Action": serverActionId(file, name),
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      ...SAME_ORIGIN,
      ...(cookies ? { Cookie: cookies } : {}),
      ...headers,
    },
    data: JSON.stringify(args),
  });
  return { status: response.status(), body: await response.text(), headers: response.headers() };
}

/** Serious and critical WCAG 2.1 A/AA violations on the page as it is now, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
