// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets two builds (say, two branches' e2e runs) live side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native or WASM-backed packages must be loaded by Node at run time, never bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg", "proper-lockfile"],
  poweredByHeader: false,
  reactStrictMode: true,
};

module.exports = withNextIntl(nextConfig);
