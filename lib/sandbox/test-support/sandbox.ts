import { randomBytes } from "node:crypto";
import type { OpenDatabase } from "@/lib/db/open";
import type { TestEngine } from "@/lib/testing/engines";
import { startSandboxServer, type RunningSandbox } from "../server";
import { TestClock } from "./clock";
import { controlClient } from "./control";
import { zimCaller } from "./zim-call";

export const TEST_APP_ID = 1_000_001;
export const TEST_SECRET = "0123456789abcdef0123456789abcdef";

let counter = 0;
/** IDs unique per test (and per run), within ZIM's 32-byte limit. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}-${randomBytes(3).toString("hex")}`;
}

/** A sandbox over real HTTP on a fresh database of `engine`, driven by a hand-moved clock (or the one given). */
export async function openSandbox(engine: TestEngine, clock: TestClock = new TestClock()) {
  const opened: OpenDatabase & { dispose(): Promise<void> } = await engine.open();
  let server: RunningSandbox = await start();

  function start() {
    return startSandboxServer({ db: opened.db, appId: TEST_APP_ID, serverSecret: TEST_SECRET, now: clock.now });
  }

  const sandbox = {
    db: opened.db,
    /** The same database for a job engine (pg-boss) in the test. */
    jobEngineConnection: opened.jobEngineConnection,
    clock,
    get url() {
      return server.url;
    },
    api: zimCaller({ get url() { return server.url; }, appId: TEST_APP_ID, serverSecret: TEST_SECRET, clock }),
    control: controlClient(""),
    /** Stops and starts the server on the same database: a sandbox restart. */
    async restart() {
      await server.close();
      server = await start();
      sandbox.control = controlClient(server.url);
    },
    async close() {
      await server.close();
      if (opened.engine === "postgres") {
        // dispose() drops the database WITH (FORCE) as soon as pool.end() resolves, which is before the pooled
        // connections have closed; their FATAL 57P01 then reaches a Pool without an error listener. Expected here.
        const pool = (opened.db as unknown as { $client?: { on(event: "error", listener: () => void): void } }).$client;
        pool?.on("error", () => undefined);
      }
      await opened.dispose();
    },
  };
  sandbox.control = controlClient(server.url);
  return sandbox;
}

export type TestSandbox = Awaited<ReturnType<typeof openSandbox>>;

type MemberFlags = { Online?: boolean; PushRegistered?: boolean; Registered?: boolean };

/** Creates a group of fresh users (plus an online sender who owns it) through the control endpoint. */
export async function seedGroup<K extends string>(sandbox: Pick<TestSandbox, "control">, members: Record<K, MemberFlags>) {
  const groupId = uid("g");
  const sender = uid("sender");
  const keys = Object.keys(members) as K[];
  const ids = Object.fromEntries(keys.map((k) => [k, uid(k)])) as Record<K, string>;
  const response = await sandbox.control.post("groups", {
    GroupId: groupId,
    GroupOwner: sender,
    Members: [{ UserId: sender, Online: true }, ...keys.map((k) => ({ UserId: ids[k], ...members[k] }))],
  });
  if (response.status !== 201) throw new Error(`seedGroup failed: ${JSON.stringify(response.body)}`);
  return { groupId, sender, ids };
}

/** The inbox of one user through the control endpoint, optionally for one group only. */
export async function inbox(sandbox: Pick<TestSandbox, "control">, userId: string, groupId?: string) {
  const query = new URLSearchParams({ UserId: userId, ...(groupId ? { GroupId: groupId } : {}) });
  const response = await sandbox.control.get(`inbox?${query.toString()}`);
  return response.body.Messages as {
    Kind: string;
    GroupId: string | null;
    MsgSeq: number | null;
    MsgId: string | null;
    MessageType: number;
    MessageBody: Record<string, unknown>;
    Delivered: boolean;
    Unread: boolean;
    Targeted: boolean;
    Recalled: boolean;
  }[];
}
