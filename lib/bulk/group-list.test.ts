import { describe, expect, it } from "vitest";
import { ALLOWED_ID_SYMBOLS, zimId } from "@/lib/zim/schemas/id";
import { estimateSeconds, groupIdProblem, parseGroupList } from "./group-list";

describe("parseGroupList", () => {
  it("reads one ID per line and several per line separated by commas, semicolons or tabs", () => {
    expect(parseGroupList("g1\ng2, g3;g4\tg5\r\ng6\rg7")).toEqual({ ids: ["g1", "g2", "g3", "g4", "g5", "g6", "g7"], duplicates: 0, invalid: [], overMax: false });
  });

  it("ignores blank lines and cells, and trims unquoted cells", () => {
    expect(parseGroupList("\n  g1  \n\n,, ;\ng2,\n").ids).toEqual(["g1", "g2"]);
  });

  it("removes CSV quoting and keeps a quoted cell as written, separators and edge spaces included", () => {
    const result = parseGroupList('"g;1", "x\ty" ,"  padded "\n"say ""hi"""');
    expect(result.ids).toEqual(["g;1", "  padded "]);
    // A tab and a quote are not ID characters: read whole, then refused.
    expect(result.invalid.map((i) => [i.line, i.value])).toEqual([[1, "x\ty"], [2, 'say "hi"']]);
  });

  it("skips a header cell on the first line only, in any spelling and case", () => {
    for (const header of ["GroupId", "group_id", "Group ID", "GROUPID"]) {
      expect(parseGroupList(`${header}\ng1\ng2`).ids).toEqual(["g1", "g2"]);
    }
    // On a later line the word is an ID like any other (it is a valid one).
    expect(parseGroupList("g1\nGroupId").ids).toEqual(["g1", "GroupId"]);
  });

  it("reads only the GroupId column of a table with a header row", () => {
    const csv = "GroupName,GroupId,Members\nTeam A,team-a,3\n\"Sales, EU\",sales-eu,12\n";
    expect(parseGroupList(csv)).toEqual({ ids: ["team-a", "sales-eu"], duplicates: 0, invalid: [], overMax: false });
  });

  it("removes duplicates, keeping the first, and counts them", () => {
    expect(parseGroupList("a\nb\na\nc,b,a")).toMatchObject({ ids: ["a", "b", "c"], duplicates: 3 });
  });

  it("lists invalid IDs with their 1-based line and the composer's reason", () => {
    const long = "x".repeat(33);
    const result = parseGroupList(`ok-1\nbad/id\n\n${long}, ok-2\n群组`);
    expect(result.ids).toEqual(["ok-1", "ok-2"]);
    expect(result.invalid.map((i) => [i.line, i.value])).toEqual([[2, "bad/id"], [4, long], [5, "群组"]]);
    expect(result.invalid[0]!.reason).toMatch(/contains "\/", which ZIM does not accept/);
    expect(result.invalid[1]!.reason).toMatch(/33 bytes long; ZIM allows at most 32/);
    expect(result.invalid[2]!.reason).toMatch(/which ZIM does not accept/);
  });

  it("cuts the list at the maximum and says it was over", () => {
    const result = parseGroupList("a\nb\nc\nb\nd", 2);
    expect(result).toMatchObject({ ids: ["a", "b"], overMax: true, duplicates: 1 });
    expect(parseGroupList("a\nb", 2).overMax).toBe(false);
  });

  it("finds nothing in an empty list, a list of separators only, or a header alone", () => {
    for (const text of ["", "\n\n", " , ; \t", "GroupId\n"]) {
      expect(parseGroupList(text)).toEqual({ ids: [], duplicates: 0, invalid: [], overMax: false });
    }
  });

  it("ignores a byte order mark before the first cell", () => {
    expect(parseGroupList("\uFEFFGroupId\ng1").ids).toEqual(["g1"]);
  });
});

describe("groupIdProblem", () => {
  it("agrees with the composer's GroupId rule on every allowed symbol, at the length limit, and past it", () => {
    const samples = [
      ...ALLOWED_ID_SYMBOLS.split(" ").map((c) => `a${c}b`),
      "with space",
      "x".repeat(32),
      "x".repeat(33),
      "é",
      "a\tb",
      "a/b",
      "a\\b",
      "'quoted'",
      '"quoted"',
      "",
    ];
    const schema = zimId("group ID");
    for (const id of samples) expect(groupIdProblem(id) === null, id).toBe(schema.safeParse(id).success);
  });
});

describe("estimateSeconds", () => {
  it("is the count over the app's rate, rounded up", () => {
    expect(estimateSeconds(5000, 10)).toBe(500);
    expect(estimateSeconds(1, 10)).toBe(1);
    expect(estimateSeconds(21, 20)).toBe(2);
    expect(estimateSeconds(0, 10)).toBe(0);
  });
});
