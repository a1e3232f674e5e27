import { createTranslator } from "use-intl";
import { describe, expect, it } from "vitest";
import zh from "@/messages/zh-CN/index";
import { DEFAULT_ZIM_LIMITS } from "@/lib/zim/limits";
import { emptyCompose, type ComposeValues } from "./compose-form";
import { composeIssues } from "./compose-validation";
import { translateZimIssue, type Translate } from "./zim-issues";

const t = createTranslator({ locale: "zh-CN", messages: zh, namespace: "zimIssues" }) as unknown as Translate;
const toZh = (message: string) => translateZimIssue(message, "zh-CN", (k, v) => t(k, v));
const messagesOf = (v: Partial<ComposeValues>) =>
  composeIssues({ ...emptyCompose("sandbox", "ops"), groupId: "g1", text: "hi", ...v }, DEFAULT_ZIM_LIMITS).map((i) => i.message);

describe("lib/zim's sentences in Chinese", () => {
  it("leaves English as it is", () => {
    expect(translateZimIssue("Enter the group ID.", "en", () => "never")).toBe("Enter the group ID.");
  });

  it.each([
    [{ groupId: "" }, "请输入群组 ID。"],
    [{ fromUserId: "a/b" }, '发送者用户 ID包含 ZIM 不接受的字符 "/"。请使用字母、数字、空格和 ! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } | ~。'],
    [{ groupId: "g".repeat(33) }, "群组 ID长 33 字节；ZIM 最多允许 32 字节。"],
    [{ messageType: 200 as const, subMsgType: "201" }, "子类型（SubMsgType）必须是 0 到 200 之间的整数。"],
    [{ messageType: 200 as const, subMsgType: "" }, "自定义消息需要子类型（SubMsgType）：0 到 200 之间的整数。"],
    [{ messageType: 200 as const, subMsgType: "1", searchedContent: "汉".repeat(22) }, "可搜索文本过长：66 字节，上限为 64 字节。字母和数字各占 1 字节，大多数汉字占 3 字节，表情符号占 4 字节。"],
    [{ recipientMode: "only" as const, recipientsText: "ok\nx*y" }, '第 2 行：接收人用户 ID包含 ZIM 不接受的字符 "*"。请使用字母、数字、空格和 ! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } | ~。'],
    [{ messageType: 12 as const }, "文件 URL为必填项。"],
    [{ text: "" }, "请输入消息。"],
  ] as [Partial<ComposeValues>, string][])("translates the problem of %j", (values, expected) => {
    expect(messagesOf(values).map(toZh)).toContain(expected);
  });

  it("keeps a sentence it does not know in English", () => {
    expect(toZh("Something new from ZIM.")).toBe("Something new from ZIM.");
  });
});
