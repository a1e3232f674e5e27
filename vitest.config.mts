import { defineConfig } from "vitest/config";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));

const alias = {
  "@": root,
  // `server-only` throws outside a React Server environment; tests run server code directly.
  "server-only": path.join(root, "lib/testing/server-only-noop.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "app/**/*.test.ts", "messages/**/*.test.ts"],
          exclude: ["**/*.storage.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "storage",
          include: ["lib/**/*.storage.test.ts"],
          exclude: ["lib/actions/**", "node_modules/**"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // Server actions run as Next.js runs them: React's server build, next/navigation's server entry, and
        // next-intl reading the console's own request config (what Next.js and the next-intl plugin wire up in a build).
        resolve: {
          alias: {
            ...alias,
            "next-intl/config": path.join(root, "lib/i18n/request.ts"),
            "next/navigation": path.join(root, "node_modules/next/dist/client/components/navigation.react-server.js"),
          },
        },
        ssr: { resolve: { conditions: ["react-server", "module", "node", "development|production"] } },
        test: {
          name: "actions",
          include: ["lib/actions/**/*.storage.test.ts"],
          environment: "node",
          server: { deps: { inline: ["next-intl"] } },
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
