import "@/lib/testing/next-request";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { user } from "@/lib/db/schema";
import { closedPort } from "@/lib/messages/test-support";
import { controlClient } from "@/lib/sandbox/test-support/control";
import { seedGroup, TEST_APP_ID, TEST_SECRET } from "@/lib/sandbox/test-support/sandbox";
import { startSandboxServer, type RunningSandbox } from "@/lib/sandbox/server";
import { pointConsoleAt } from "@/lib/testing/console-process";
import { testEngines } from "@/lib/testing/engines";
import { holdsForAll, preview } from "@/lib/testing/fuzz/check";
import { inputsFrom, prototypePolluted } from "@/lib/testing/fuzz/hostile";
import { ACTION_SPECS, type ActionSpec, type FuzzWorld } from "./fuzz/action-specs";
import { callAction, outcomeProblem, type Outcome } from "./fuzz/outcome";

/**
 * Every server action, called as Next.js calls it (a request scope with the operator's session cookie, the real
 * action client, the real catalogs, a real database and the sandbox over HTTP), with generated inputs: valid,
 * near misses, boundary and hostile. No input may make an action throw (a 500), answer the generic "something
 * went wrong", accept what its schema refuses, or refuse without saying which field is wrong.
 */
const root = path.resolve(import.meta.dirname, "../..");
const sandboxPort = await closedPort();
Object.assign(process.env, {
  DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "console-fuzz-")),
  CONSOLE_SECRET_KEY: "22".repeat(32),
  ZIM_SANDBOX_APP_ID: String(TEST_APP_ID),
  ZIM_SANDBOX_SERVER_SECRET: TEST_SECRET,
  ZIM_SANDBOX_URL: `http://127.0.0.1:${sandboxPort}`,
  LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
});

type ServerFunction = (input: unknown) => Promise<unknown>;

/** Files whose first statement is "use server": every module of server functions in the app. */
function serverActionFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && /^\s*["']use server["']/.test(fs.readFileSync(full, "utf8"))) found.push(path.relative(root, full));
    }
  };
  for (const top of ["app", "lib", "components"]) walk(path.join(root, top));
  return found.sort();
}

async function serverFunctions(): Promise<Map<string, ServerFunction>> {
  const all = new Map<string, ServerFunction>();
  for (const file of serverActionFiles()) {
    const exports = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) if (typeof value === "function") all.set(`${file}#${name}`, value as ServerFunction);
  }
  return all;
}

const actions = await serverFunctions();
const engines = await testEngines();

describe("the fuzzed server actions", () => {
  it("are every server function the app exports, each with a spec", () => {
    expect([...actions.keys()].filter((key) => !(key in ACTION_SPECS)), "server functions without a fuzz spec").toEqual([]);
    expect(Object.keys(ACTION_SPECS).filter((key) => !actions.has(key)), "specs of server functions that no longer exist").toEqual([]);
  });
});

describe.each(engines)("server actions fuzzed on $name", (engine) => {
  let dispose: () => Promise<void>;
  let sandbox: RunningSandbox;
  let adminCookie: string;
  let world: FuzzWorld;

  const headersFor = (cookie: string) => new Headers({ cookie, "x-forwarded-for": "127.0.0.1", "accept-language": "en" });
  async function sessionCookie(email: string, password: string): Promise<string> {
    const { headers } = await (await getAuth()).api.signInEmail({ body: { email, password }, returnHeaders: true });
    return headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  }
  const call = (key: string, input: unknown, cookie = adminCookie) => callAction(actions.get(key)!, input, headersFor(cookie));
  async function dataOf(key: string, input: unknown): Promise<Record<string, unknown>> {
    const outcome = await call(key, input);
    if (outcome.kind !== "data") throw new Error(`${key} did not succeed while seeding: ${preview(outcome)}`);
    return outcome.data as Record<string, unknown>;
  }

  beforeAll(async () => {
    const opened = await engine.open();
    pointConsoleAt(opened);
    dispose = async () => {
      pointConsoleAt(undefined);
      await sandbox.close();
      await opened.dispose();
    };
    sandbox = await startSandboxServer({ db: opened.db, appId: TEST_APP_ID, serverSecret: TEST_SECRET, port: sandboxPort });
    const auth = await getAuth();
    const password = "fuzz-admin-password-1";
    const selfService = { email: `fuzz-self-${engine.name}@example.com`, password: "fuzz-self-password-1" };
    await auth.api.createUser({ body: { email: `fuzz-admin-${engine.name}@example.com`, password, name: "Fuzz Admin", role: "admin" } });
    await auth.api.createUser({ body: { ...selfService, name: "Fuzz Self", role: "operator" } });
    adminCookie = await sessionCookie(`fuzz-admin-${engine.name}@example.com`, password);

    const group = await seedGroup({ control: controlClient(sandbox.url) }, { a: { Online: true }, b: { Online: true } });
    const partial = { groupId: group.groupId, sender: group.sender, member: group.ids.a, selfServiceEmail: selfService.email, selfServicePassword: selfService.password };
    const draft = { ...partial, sendId: "", itemId: "", itemVersion: 1, bulkId: "", zimAppId: "", targetOperatorId: "" } satisfies FuzzWorld;
    const sent = await dataOf("app/(console)/compose/actions.ts#sendMessageAction", ACTION_SPECS["app/(console)/compose/actions.ts#sendMessageAction"]!.seeds(draft)[0]);
    const item = await dataOf("app/(console)/scheduled/actions.ts#createItemAction", ACTION_SPECS["app/(console)/scheduled/actions.ts#createItemAction"]!.seeds(draft)[0]);
    const bulk = await dataOf("app/(console)/bulk/actions.ts#createBulkAction", ACTION_SPECS["app/(console)/bulk/actions.ts#createBulkAction"]!.seeds(draft)[1]);
    const app = await dataOf("app/(console)/settings/apps/actions.ts#saveZimAppAction", ACTION_SPECS["app/(console)/settings/apps/actions.ts#saveZimAppAction"]!.seeds(draft)[0]);
    const target = await dataOf("app/(console)/settings/operators/actions.ts#createOperatorAction", { email: `fuzz-target-${engine.name}@example.com`, name: "Target", role: "viewer" });
    const [targetRow] = await opened.db.select({ id: user.id }).from(user).where(eq(user.email, String(target.email)));
    world = { ...draft, sendId: String(sent.id), itemId: String(item.id), itemVersion: Number(item.version), bulkId: String(bulk.id), zimAppId: String(app.id), targetOperatorId: targetRow!.id };
  });
  afterAll(() => dispose?.());

  async function check(spec: ActionSpec, key: string, input: unknown): Promise<string | undefined> {
    const accepts = spec.schema?.safeParse(input).success;
    const cookie = spec.caller === "fresh-session" ? await sessionCookie(world.selfServiceEmail, world.selfServicePassword) : adminCookie;
    let outcome: Outcome;
    try {
      outcome = await call(key, input, cookie);
    } catch (error) {
      return `threw (a 500 for the browser): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    }
    if (prototypePolluted()) return "Object.prototype was polluted";
    return outcomeProblem(outcome, accepts, spec.redirects ?? false);
  }

  it.each(Object.keys(ACTION_SPECS))("%s", async (key) => {
    const spec = ACTION_SPECS[key]!;
    const seeds = spec.seeds(world);
    if (spec.schema) for (const seed of seeds) expect(spec.schema.safeParse(seed).error, `seed ${preview(seed)}`).toBeUndefined();
    await holdsForAll(inputsFrom(seeds, spec.schema), spec.runs, (input) => check(spec, key, input), spec.examples?.(world) ?? []);
  });
});
