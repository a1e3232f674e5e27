import { describe, expect, it } from "vitest";
import { planBroadcast, planGroupDelivery } from "./delivery";

const on = (userId: string, push = false) => ({ userId, online: true, pushRegistered: push });
const off = (userId: string, push = false) => ({ userId, online: false, pushRegistered: push });

describe("planGroupDelivery", () => {
  const members = [on("s"), on("a"), off("b", true), off("c")];
  const base = { members, sender: on("s"), noUnread: false, offlinePush: true, countsAsUnread: true };

  it("reaches every member, the sender read, offline members with push also by push", () => {
    expect(planGroupDelivery(base)).toEqual([
      { userId: "s", kind: "group", delivered: true, unread: false },
      { userId: "a", kind: "group", delivered: true, unread: true },
      { userId: "b", kind: "group", delivered: false, unread: true },
      { userId: "b", kind: "push", delivered: true, unread: false },
      { userId: "c", kind: "group", delivered: false, unread: true },
    ]);
  });

  it("targets: Inclusive keeps only the listed, otherwise all but the listed; never unread", () => {
    const only = planGroupDelivery({ ...base, offlinePush: false, targetOption: { ReceiverUserIds: ["a"], Inclusive: true } });
    expect(only.map((d) => [d.userId, d.unread])).toEqual([
      ["s", false],
      ["a", false],
    ]);
    const allBut = planGroupDelivery({ ...base, offlinePush: false, targetOption: { ReceiverUserIds: ["a"], Inclusive: false } });
    expect(allBut.map((d) => d.userId)).toEqual(["s", "b", "c"]);
  });
});

describe("planBroadcast", () => {
  const users = [on("a"), on("b", true), off("c", true), off("d")];
  it.each([
    [0, ["a:broadcast", "b:broadcast"]],
    [1, ["a:broadcast", "b:broadcast", "c:push"]],
    [2, ["b:push", "c:push"]],
  ] as const)("PushType %i", (pushType, expected) => {
    expect(planBroadcast(users, pushType).map((d) => `${d.userId}:${d.kind}`)).toEqual(expected);
  });
});
