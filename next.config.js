// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets two builds (say, two branches' e2e runs) live side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native or WASM-backed packages must be loaded by Node at run time, never bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg", "pg-boss", "proper-lockfile"],
  poweredByHeader: false,
  // The ZIM client calls "<base>/?Action=…" as ZIM documents it; with the sandbox mounted at /zim-sandbox, Next's
  // usual 308 from "/zim-sandbox/" to "/zim-sandbox" would be an answer the client rightly refuses to follow.
  skipTrailingSlashRedirect: true,
  reactStrictMode: true,
  experimental: {
    // A bulk send's group list (up to 100,000 IDs, at most 4 MB) reaches its server action as the operator typed it.
    serverActions: { bodySizeLimit: "6mb" },
  },
};

module.exports = withNextIntl(nextConfig);
