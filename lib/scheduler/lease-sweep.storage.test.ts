import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textMessage } from "@/lib/messages/test-support";
import { openSandbox, type TestSandbox } from "@/lib/sandbox/test-support/sandbox";
import { testEngines } from "@/lib/testing/engines";
import { sweepExpiredLeases } from "./lease-sweep";
import { groupItem, insertItems, itemOf } from "./test-support/items";

/** A PGlite console at start owns its data folder alone: every other lease is stale, expired or not. */
describe.each(await testEngines())("the start-up lease sweep on $name", (engine) => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await openSandbox(engine);
  });
  afterAll(() => sandbox.close());

  it("puts back a claimed item whose lease has not run out yet, and leaves this dispatcher's own alone", async () => {
    const now = new Date();
    const leasedTo = (owner: string) => ({ status: "claimed" as const, leaseOwner: owner, leaseUntil: new Date(now.getTime() + 60_000) });
    const [theirs, ours] = await insertItems(sandbox.db, [
      groupItem(textMessage("ops", "g", "before the restart"), now, leasedTo("earlier#1#x")),
      groupItem(textMessage("ops", "g", "mine"), now, leasedTo("this#2#y")),
    ]);
    const swept = await sweepExpiredLeases(sandbox.db, { now, dispatcher: "this#2#y", everyLease: true });
    expect(swept.map((s) => [s.id, s.became])).toEqual([[theirs!.id, "scheduled"]]);
    expect(await itemOf(sandbox.db, theirs!.id)).toMatchObject({ status: "scheduled", leaseOwner: null });
    expect(await itemOf(sandbox.db, ours!.id)).toMatchObject({ status: "claimed", leaseOwner: "this#2#y" });
  });
});
