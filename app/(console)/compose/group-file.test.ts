import { describe, expect, it } from "vitest";
import { MAX_GROUP_FILE_BYTES, readGroupFile } from "./group-file";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("reading a loaded group list file", () => {
  it("reads UTF-8 text, without a spreadsheet's byte order mark", () => {
    expect(readGroupFile(utf8("GroupId\ng-1\ng-2\n"))).toEqual({ ok: true, text: "GroupId\ng-1\ng-2\n" });
    expect(readGroupFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("g-1,群")]))).toEqual({ ok: true, text: "g-1,群" });
  });

  it("refuses a binary file, a UTF-16 file and bytes that are not UTF-8", () => {
    expect(readGroupFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]))).toEqual({ ok: false, problem: "binary" });
    expect(readGroupFile(new Uint8Array([0xff, 0xfe, 0x67, 0x00, 0x31, 0x00]))).toEqual({ ok: false, problem: "binary" });
    expect(readGroupFile(new Uint8Array([0x67, 0x2d, 0xe9, 0x0a]))).toEqual({ ok: false, problem: "notUtf8" });
  });

  it("refuses a file over the list's size limit without decoding it", () => {
    expect(readGroupFile(new Uint8Array(MAX_GROUP_FILE_BYTES + 1).fill(0x61))).toEqual({ ok: false, problem: "tooLarge" });
    expect(readGroupFile(new Uint8Array(MAX_GROUP_FILE_BYTES).fill(0x61)).ok).toBe(true);
  });
});
