import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSandbox, seedGroup, uid, type TestSandbox } from "@/lib/sandbox/test-support/sandbox";
import { testEngines } from "@/lib/testing/engines";
import { listAppGroups, listGroupMembers } from "./group-directory";
import { sandboxApp } from "./test-support";

/** The picker's lookups against the sandbox: members for the audience size, group-not-found explained by its code. */
describe.each(await testEngines())("group directory on $name", (engine) => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await openSandbox(engine);
  });
  afterAll(() => sandbox.close());

  it("lists a group's members with the total, and caches them briefly", async () => {
    const g = await seedGroup(sandbox, { a: { Online: true }, b: { Online: false } });
    const apps = sandboxApp(sandbox);
    const list = await listGroupMembers("sandbox", g.groupId, apps);
    expect(list.total).toBe(3);
    expect(list.members.map((m) => m.UserId).sort()).toEqual([g.sender, g.ids.a, g.ids.b].sort());
    expect(list.problem).toBeUndefined();
    await sandbox.control.post("groups", { GroupId: uid("other"), GroupOwner: g.sender });
    expect(await listGroupMembers("sandbox", g.groupId, apps)).toBe(list);
  });

  it("explains an unknown group by its return code", async () => {
    const list = await listGroupMembers("sandbox", uid("missing"), sandboxApp(sandbox));
    expect(list).toMatchObject({ members: [], problem: { code: 660600001, kind: "rejected" } });
  });

  it("offers the app's groups to the picker", async () => {
    const g = await seedGroup(sandbox, { a: {} });
    const list = await listAppGroups("sandbox", sandboxApp(sandbox));
    expect(list.groups.map((x) => x.GroupId)).toContain(g.groupId);
    expect(list.total).toBeGreaterThanOrEqual(list.groups.length);
  });
});
