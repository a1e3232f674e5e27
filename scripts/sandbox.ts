import { openConsoleDatabase } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { resolveSandboxCredentials } from "@/lib/sandbox/credentials";
import { startSandboxServer } from "@/lib/sandbox/server";

/**
 * `npm run sandbox`: the ZIM sandbox on its own port (ZIM_SANDBOX_PORT), answering at "/" with `?Action=…`
 * like https://zim-api.zego.im, on the console's database (DATA_DIR or DATABASE_URL). With PGlite the console
 * and this script cannot run on one data folder at once (the folder lock refuses the second); use the console's
 * built-in sandbox at /zim-sandbox then. `--show-secret` prints the ServerSecret in full.
 */
async function main() {
  const env = getEnv();
  const opened = await openConsoleDatabase();
  const { appId, serverSecret } = await resolveSandboxCredentials(env, opened.db);
  const sandbox = await startSandboxServer({ db: opened.db, appId, serverSecret, port: env.ZIM_SANDBOX_PORT });
  const source = env.ZIM_SANDBOX_SERVER_SECRET ? "ZIM_SANDBOX_SERVER_SECRET" : "generated, kept in sandbox_settings";
  const full = process.argv.includes("--show-secret");
  const shown = full ? serverSecret : `${serverSecret.slice(0, 4)}… (--show-secret to print)`;
  console.log(`ZIM sandbox listening on ${sandbox.url} (${opened.engine})`);
  console.log(`  AppId        ${appId}`);
  console.log(`  ServerSecret ${shown} [${source}]`);
  console.log(`  Control      ${sandbox.url}/_sandbox/`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the sandbox`);
    await sandbox.close();
    await opened.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
