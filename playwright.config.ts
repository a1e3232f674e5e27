import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests run against a production build (`next start`) with a fresh data folder per run, the built-in
 * sandbox and a first admin taken from the environment. Debian's Chromium is used where it is installed; elsewhere
 * Playwright's own browser (after `npx playwright install chromium`).
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3211);
export const E2E_URL = `http://localhost:${E2E_PORT}`;
export const E2E_DATA_DIR = `.data-e2e-${E2E_PORT}`;
export const E2E_DIST_DIR = process.env.NEXT_DIST_DIR || ".next";
export const E2E_ADMIN = { email: "admin@e2e.test", password: "e2e-admin-password-1" };

const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));

export default defineConfig({
  testDir: "e2e",
  outputDir: `test-results/${E2E_PORT}`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never", outputFolder: `playwright-report/${E2E_PORT}` }]],
  use: {
    baseURL: E2E_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "en-US",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? systemChromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: `rm -rf ${E2E_DATA_DIR} && npx next start -p ${E2E_PORT}`,
    url: `${E2E_URL}/sign-in`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      DATA_DIR: E2E_DATA_DIR,
      CONSOLE_URL: E2E_URL,
      CONSOLE_ADMIN_EMAIL: E2E_ADMIN.email,
      CONSOLE_ADMIN_PASSWORD: E2E_ADMIN.password,
      DATABASE_URL: "",
      LOG_LEVEL: "warn",
      NEXT_DIST_DIR: E2E_DIST_DIR,
    },
  },
});
