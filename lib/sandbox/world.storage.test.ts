import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "@/lib/testing/engines";
import { resolveSandboxCredentials } from "./credentials";
import { createGroupWithMembers, inboxOf, listGroups, listMembers, listUsers, listFaults, getSettings } from "./world";
import { storeGroupMessage } from "./world/messages";
import { inbox, openSandbox, seedGroup, uid, type TestSandbox } from "./test-support/sandbox";

const engines = await testEngines();

/** A fresh world per engine: what a first start, a restart and a reset leave behind. */
describe.each(engines)("ZIM sandbox world on $name", (engine) => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await openSandbox(engine);
    await sandbox.control.get("");
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it("starts with the sample world: an ops sender and groups of 2, 5, 12 and 48 members", async () => {
    const groups = await listGroups(sandbox.db);
    expect(groups.map((g) => [g.GroupId, g.MemberCount, g.GroupOwner])).toEqual([
      ["sample-pair", 2, "ops"],
      ["sample-team", 5, "ops"],
      ["sample-club", 12, "ops"],
      ["sample-fans", 48, "ops"],
    ]);
    for (const groupId of ["sample-team", "sample-club", "sample-fans"]) {
      const members = await listMembers(sandbox.db, groupId);
      expect(members.some((m) => m.Online), groupId).toBe(true);
      expect(members.some((m) => !m.Online && m.PushRegistered), groupId).toBe(true);
      expect(members.some((m) => !m.Online && !m.PushRegistered), groupId).toBe(true);
      expect(new Set(members.map((m) => m.Role)), groupId).toEqual(new Set(groupId === "sample-team" ? [1, 3] : [1, 2, 3]));
    }
    expect((await listUsers(sandbox.db)).find((u) => u.UserId === "ops")).toMatchObject({ Registered: true });
  });

  it("keeps the world across a restart: inboxes stay and MsgSeq goes on", async () => {
    const { groupId, sender, ids } = await seedGroup(sandbox, { a: { Online: true } });
    const send = () =>
      sandbox.api("SendGroupMessage", { FromUserId: sender, GroupId: groupId, MessageType: 1, Priority: 1, MessageBody: { Message: "m" } });
    expect((await send()).json?.MsgSeq).toBe(1);
    await sandbox.restart();
    expect(await inbox(sandbox, ids.a, groupId)).toHaveLength(1);
    expect((await send()).json?.MsgSeq).toBe(2);
    expect((await listGroups(sandbox.db)).map((g) => g.GroupId)).toContain("sample-pair");
  });

  it("hands out consecutive MsgSeqs to concurrent sends on one group", async () => {
    const groupId = uid("race");
    await createGroupWithMembers(sandbox.db, { GroupId: groupId, Members: [{ UserId: uid("o"), Online: true }] }, new Date());
    const sends = Array.from({ length: 25 }, (_, i) =>
      storeGroupMessage(sandbox.db, {
        groupId,
        fromUserId: "ops",
        messageType: 1,
        messageBody: { Message: `m${i}` },
        priority: 1,
        noUnread: false,
        auditInfos: [],
        sentAt: new Date(),
      }),
    );
    const seqs = (await Promise.all(sends)).map((s) => s?.msgSeq ?? 0).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(await inboxOf(sandbox.db, "ops", { GroupId: groupId })).toHaveLength(25);
  });

  it("resolves credentials: the variable wins, else one generated secret that stays", async () => {
    const fromEnv = await resolveSandboxCredentials(
      { ZIM_SANDBOX_APP_ID: 42, ZIM_SANDBOX_SERVER_SECRET: "ffffffffffffffffffffffffffffffff" },
      sandbox.db,
    );
    expect(fromEnv).toEqual({ appId: 42, serverSecret: "ffffffffffffffffffffffffffffffff" });
    const env = { ZIM_SANDBOX_APP_ID: 1_000_001, ZIM_SANDBOX_SERVER_SECRET: undefined };
    const first = await resolveSandboxCredentials(env, sandbox.db);
    expect(first.serverSecret).toMatch(/^[0-9a-f]{32}$/);
    const [again, concurrent] = await Promise.all([
      resolveSandboxCredentials(env, sandbox.db),
      resolveSandboxCredentials(env, sandbox.db),
    ]);
    expect([again.serverSecret, concurrent.serverSecret]).toEqual([first.serverSecret, first.serverSecret]);
  });

  it("POST reset brings back the sample world and default settings, clears faults, keeps the secret", async () => {
    const env = { ZIM_SANDBOX_APP_ID: 1_000_001, ZIM_SANDBOX_SERVER_SECRET: undefined };
    const secret = (await resolveSandboxCredentials(env, sandbox.db)).serverSecret;
    const { groupId } = await seedGroup(sandbox, { a: {} });
    await sandbox.control.put("settings", { RecallWindowSeconds: 900 });
    await sandbox.control.put("faults", { Action: "*", LatencyMs: 5 });

    const reset = await sandbox.control.post("reset");
    expect(reset).toEqual({ status: 200, body: { Users: 49, Groups: 4 } });
    expect((await listGroups(sandbox.db)).map((g) => g.GroupId)).not.toContain(groupId);
    expect((await getSettings(sandbox.db)).RecallWindowSeconds).toBe(120);
    expect(await listFaults(sandbox.db)).toEqual([]);
    expect((await resolveSandboxCredentials(env, sandbox.db)).serverSecret).toBe(secret);
  });
});
