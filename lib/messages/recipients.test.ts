import { describe, expect, it } from "vitest";
import { idsFromTable, parseRecipients } from "./recipients";

describe("parseRecipients", () => {
  it("splits on newlines, commas, semicolons, spaces and tabs, trims, and keeps the first of each ID", () => {
    expect(parseRecipients("  userA, userB\nuserC;userA\tuserD  \r\n\r\nuserB")).toEqual({
      ids: ["userA", "userB", "userC", "userD"],
      invalid: [],
      duplicates: 2,
    });
  });

  it("removes CSV quotes", () => {
    expect(parseRecipients('"a1","b2"\n"c3"').ids).toEqual(["a1", "b2", "c3"]);
  });

  it("flags each invalid ID with its line and the reason", () => {
    const list = parseRecipients("ok-1\nbad/id\n\nfine, no*star\n" + "x".repeat(33));
    expect(list.ids).toEqual(["ok-1", "fine"]);
    expect(list.invalid.map((i) => [i.line, i.id])).toEqual([[2, "bad/id"], [4, "no*star"], [5, "x".repeat(33)]]);
    expect(list.invalid[0]?.message).toContain('"/"');
    expect(list.invalid[2]?.message).toBe("The receiver user ID is 33 bytes long; ZIM allows at most 32.");
  });

  it.each(['"', "'", "*", "/", "\\", "`", "é", "汉"])("flags an ID containing %j", (c) => {
    expect(parseRecipients(`a${c}b`).invalid).toHaveLength(1);
  });

  it("reads an empty text as an empty list", () => {
    expect(parseRecipients(" \n \n")).toEqual({ ids: [], invalid: [], duplicates: 0 });
  });
});

describe("idsFromTable", () => {
  it("takes the user ID column when the CSV has a header", () => {
    expect(idsFromTable([["name", "User ID"], ["Ann", "u1"], ["Bob", " u2 "], ["", ""]])).toEqual(["u1", "u2"]);
  });

  it("takes the first column otherwise", () => {
    expect(idsFromTable([["u1", "Ann"], ["u2", "Bob"]])).toEqual(["u1", "u2"]);
  });
});
