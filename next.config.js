// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/**
 * Hosts a server action may be called from besides the one in Host/X-Forwarded-Host: the public origin and the
 * trusted ones. Behind a proxy that forwards its own Host instead of X-Forwarded-Host, Next.js would otherwise see
 * "localhost:3000" while the browser says "console.example.com", and refuse every action. Read at `next start`.
 */
function serverActionOrigins() {
  const urls = [process.env.CONSOLE_URL, ...(process.env.CONSOLE_TRUSTED_ORIGINS ?? "").split(",")];
  return urls.flatMap((url) => {
    try {
      return url && url.trim() ? [new URL(url.trim()).host] : [];
    } catch {
      return [];
    }
  });
}

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
    serverActions: {
      allowedOrigins: serverActionOrigins(),
      // A bulk send's group list (up to 100,000 IDs, at most 4 MB) reaches its server action as the operator typed it.
      bodySizeLimit: "6mb",
    },
  },
};

module.exports = withNextIntl(nextConfig);
