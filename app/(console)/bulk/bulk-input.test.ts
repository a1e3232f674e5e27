import { createTranslator } from "use-intl";
import { describe, expect, it } from "vitest";
import { translateZimIssue, type Translate } from "@/lib/messages/zim-issues";
import zh from "@/messages/zh-CN/index";
import { bulkCreateSchema, groupListSchema } from "./bulk-input";

const problem = (text: string) => {
  const result = groupListSchema.safeParse(text);
  return result.success ? undefined : result.error.issues[0]!.message;
};
const t = createTranslator({ locale: "zh-CN", messages: zh, namespace: "zimIssues" }) as unknown as Translate;
const toZh = (message: string) => translateZimIssue(message, "zh-CN", (k, v) => t(k, v));

describe("the group list of a send to many groups", () => {
  it("accepts a list with repeats, a header and blank lines", () => {
    expect(problem("GroupId\ng-1\n\ng-2\ng-1\n")).toBeUndefined();
  });

  it("refuses an empty list, a list of only invalid IDs, and names the first invalid line", () => {
    expect(problem(" \n\n")).toBe("Paste or load at least one group ID.");
    expect(problem("bad/id\nno*pe")).toBe("None of the listed IDs is a valid group ID (2 not valid).");
    expect(problem("g-1\nbad/id")).toMatch(/^Line 2: The group ID contains "\/", which ZIM does not accept\./);
  });

  it("refuses more than 100,000 groups", () => {
    const ids = Array.from({ length: 100_001 }, (_, i) => `g${i}`).join("\n");
    expect(problem(ids)).toBe("More than 100,000 group IDs: split the list into several bulk sends.");
    expect(problem(ids.slice(0, ids.lastIndexOf("\n")))).toBeUndefined();
  });

  it("says each refusal in Chinese too", () => {
    expect(toZh(problem("")!)).toBe("请粘贴或载入至少一个群组 ID。");
    expect(toZh(problem("bad/id")!)).toBe("列出的 ID 中没有一个是有效的群组 ID（1 个无效）。");
    expect(toZh(problem("g-1\nbad/id")!)).toMatch(/^第 2 行：群组 ID包含 ZIM 不接受的字符 "\/"/);
    expect(toZh(problem(Array.from({ length: 100_001 }, (_, i) => `g${i}`).join("\n"))!)).toBe("群组 ID 超过 100,000 个：请把列表拆分为多次批量发送。");
  });
});

describe("what the create action takes", () => {
  const valid = {
    appKey: "sandbox",
    createKey: "0123456789abcdef-key",
    request: { FromUserId: "ops", GroupId: "g-1", MessageType: 1, Priority: 2, MessageBody: { Message: "hi" } },
    groupsText: "g-1\ng-2",
    schedule: { mode: "now", date: "", time: "", timeZone: "UTC", occurrence: "", repeat: "none", weekdays: [], until: "" },
  } as const;

  it("accepts a message, a list and a one-off time", () => {
    expect(bulkCreateSchema.safeParse(valid).success).toBe(true);
  });

  it("refuses a repeating schedule: every group would get the message again", () => {
    const result = bulkCreateSchema.safeParse({ ...valid, schedule: { ...valid.schedule, mode: "later", date: "2999-01-01", time: "10:00", repeat: "daily", until: "2999-02-01" } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["schedule.repeat"]);
  });
});
