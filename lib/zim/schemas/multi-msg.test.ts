import { describe, expect, it } from "vitest";
import { DEFAULT_ZIM_LIMITS } from "../limits";
import { multiMsgProblems } from "./multi-msg";

const FILE = JSON.stringify({ Uid: "f", Url: "https://x/a", FileName: "a" });
const multi = (items: unknown[]) => JSON.stringify({ MultiMsg: items });
const textItems = (n: number) => Array.from({ length: n }, (_, i) => ({ MsgType: 1, Msg: `line ${i}` }));
const problems = (items: unknown[]) => multiMsgProblems(multi(items), DEFAULT_ZIM_LIMITS);

describe("multi-item message JSON", () => {
  it("accepts 1 to 20 items and refuses 0 or 21", () => {
    expect(problems(textItems(1))).toEqual([]);
    expect(problems(textItems(20))).toEqual([]);
    expect(problems(textItems(0))).toEqual(["The multi-item message: MultiMsg must list at least one item."]);
    expect(problems(textItems(21))).toEqual([
      "The multi-item message: MultiMsg has too many items; at most 20 are allowed.",
    ]);
  });

  const IMAGE = JSON.stringify({ Uid: "i", Origin: { Url: "https://x/i" }, FileName: "i" });
  it.each([
    [1, "x"],
    [11, IMAGE],
    [12, FILE],
    [13, FILE],
    [14, FILE],
    [200, "x"],
  ])("accepts item type %i", (MsgType, Msg) => {
    expect(problems([{ MsgType, Msg }])).toEqual([]);
  });

  it.each([2, 10, 20, 100])("refuses item type %i", (MsgType) => {
    expect(problems([{ MsgType, Msg: "x" }])).toHaveLength(1);
  });

  it("checks media items, numbering items from 1", () => {
    expect(problems([{ MsgType: 1, Msg: "a" }, { MsgType: 12, Msg: "{}" }])).toEqual([
      "Item 2 (file): Uid is required (a unique ID you choose).",
      "Item 2 (file): Url is required and must be text.",
      "Item 2 (file): FileName is required and must be text.",
    ]);
  });

  it("keeps SubMsgType and SearchedContent to custom items, within 64 bytes", () => {
    expect(problems([{ MsgType: 200, Msg: "x", SubMsgType: 5, SearchedContent: "s".repeat(64) }])).toEqual([]);
    expect(problems([{ MsgType: 200, Msg: "x", SearchedContent: "汉".repeat(22) }])).toHaveLength(1);
    expect(problems([{ MsgType: 1, Msg: "x", SubMsgType: 5 }])).toHaveLength(1);
    expect(problems([{ MsgType: 1, Msg: "x", SearchedContent: "s" }])).toHaveLength(1);
    expect(problems([{ MsgType: 200, Msg: "x", SubMsgType: 201 }])).toHaveLength(1);
  });

  it("refuses text that is not the MultiMsg JSON", () => {
    expect(multiMsgProblems("hello", DEFAULT_ZIM_LIMITS)[0]).toContain("must be JSON text");
    expect(multiMsgProblems('{"Items":[]}', DEFAULT_ZIM_LIMITS)).toEqual([
      "The multi-item message: MultiMsg must be a list of items.",
    ]);
  });
});
