import { createTranslator } from "use-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en/index";
import zh from "@/messages/zh-CN/index";
import { describeBulkSend, describeSend, type BulkSendSummary, type SendSummary, type Translate } from "./confirmation";

const tEn = createTranslator({ locale: "en", messages: en, namespace: "confirmSend" }) as unknown as Translate;
const tZh = createTranslator({ locale: "zh-CN", messages: zh, namespace: "confirmSend" }) as unknown as Translate;
const say = (s: Partial<SendSummary>, t = tEn) =>
  describeSend({ priority: 3, messageType: 1, groupId: "r1", appName: "Production", recipientMode: "all", receivers: [], audienceSize: 48, pushOn: true, ...s }, (k, v) => t(k, v));

describe("the confirmation sentence", () => {
  it("states a targeted send exactly", () => {
    expect(say({ recipientMode: "only", receivers: ["userA", "userB"] })).toBe(
      "High-priority text message to group r1 in app Production, only 2 of its 48 members: userA, userB; push on",
    );
  });

  it("states a whole-group send with its size, and without it when the group could not be read", () => {
    expect(say({ priority: 1, messageType: 200, pushOn: false })).toBe("Low-priority custom message to group r1 in app Production, all of its 48 members; push off");
    expect(say({ audienceSize: null })).toContain("every member; push on");
    expect(say({ audienceSize: 1 })).toContain("all of its 1 member;");
  });

  it("says how many receive an everyone-except send, and shortens long lists", () => {
    const ids = ["a", "b", "c", "d", "e", "f", "g"];
    expect(say({ recipientMode: "except", receivers: ids, priority: 2, messageType: 11 })).toBe(
      "Medium-priority image message to group r1 in app Production, everyone except 7 of its 48 members (41 receive it), left out: a, b, c, d, e and 2 more; push on",
    );
    expect(say({ recipientMode: "only", receivers: ["a"], audienceSize: undefined })).toContain("only 1 member: a;");
  });

  it("speaks Chinese too", () => {
    expect(say({ recipientMode: "only", receivers: ["userA", "userB"] }, tZh)).toBe(
      "高优先级文本消息，发往应用 Production 的群组 r1，仅其 48 名成员中的 2 名：userA, userB；离线推送开启",
    );
  });
});

describe("the confirmation sentence of a send to many groups", () => {
  const bulk = (s: Partial<BulkSendSummary>, t = tEn) =>
    describeBulkSend({ priority: 2, messageType: 1, groupCount: 5000, appName: "Production", recipientMode: "all", receivers: [], pushOn: false, ...s }, (k, v) => t(k, v));

  it("names the number of groups and what each group receives", () => {
    expect(bulk({})).toBe("Medium-priority text message to 5,000 groups in app Production, every member of each group; push off");
    expect(bulk({ groupCount: 1, recipientMode: "only", receivers: ["userA", "userB"], pushOn: true })).toBe(
      "Medium-priority text message to 1 group in app Production, in each group only 2 members: userA, userB; push on",
    );
    expect(bulk({ recipientMode: "except", receivers: ["a", "b", "c", "d", "e", "f"] })).toContain("in each group everyone except 6 members: a, b, c, d, e and 1 more;");
  });

  it("speaks Chinese too", () => {
    expect(bulk({ groupCount: 50 }, tZh)).toBe("中优先级文本消息，发往应用 Production 的 50 个群组，每个群组的全体成员；离线推送关闭");
  });
});
