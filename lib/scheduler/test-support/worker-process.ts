import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { TEST_APP_ID, TEST_SECRET } from "@/lib/sandbox/test-support/sandbox";

export interface WorkerProcess {
  child: ChildProcess;
  pid: number;
  /** Everything it printed, for the failure message. */
  output(): string;
  /** Resolves with the exit code or signal. */
  exited: Promise<string>;
  stop(): Promise<string>;
}

/**
 * `scripts/worker.ts` as its own process, exactly as `npm run worker` starts it, on `databaseUrl` and dispatching
 * to the sandbox at `sandboxUrl` as the console's "sandbox" app. Resolves once it reports that it is running.
 */
export async function spawnWorker(options: { databaseUrl: string; sandboxUrl: string; leaseMs: number }): Promise<WorkerProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "worker-"));
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: options.databaseUrl,
      CONSOLE_SECRET_KEY: "ab".repeat(32),
      ZIM_SANDBOX_URL: options.sandboxUrl,
      ZIM_SANDBOX_APP_ID: String(TEST_APP_ID),
      ZIM_SANDBOX_SERVER_SECRET: TEST_SECRET,
      DISPATCH_LEASE_MS: String(options.leaseMs),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<string>((resolve) => child.once("exit", (code, signal) => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    resolve(signal ?? String(code));
  }));
  const ready = await Promise.race([
    new Promise<boolean>((resolve) => child.stdout!.on("data", () => output.includes("running (lease") && resolve(true))),
    exited.then(() => false),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 60_000)),
  ]);
  if (!ready) {
    child.kill("SIGKILL");
    throw new Error(`The worker did not start:\n${output}`);
  }
  return {
    child,
    pid: child.pid!,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}
