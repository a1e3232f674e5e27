import { describe, expect, it } from "vitest";
import { mediaMessageProblems } from "./media";

const url = (bytes: number) => `https://x/${"a".repeat(bytes - 10)}`;
const ORIGIN = { Url: "https://x/a.jpg", Width: 1, Height: 1 };
const image = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ Uid: "i", Origin: ORIGIN, FileName: "a.jpg", Size: 1, ...over });
const file = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ Uid: "f", Url: "https://x/a", FileName: "a", ...over });

describe("media message JSON", () => {
  it("accepts minimal image, file, audio and video messages", () => {
    expect(mediaMessageProblems(11, image())).toEqual([]);
    expect(mediaMessageProblems(12, file())).toEqual([]);
    expect(mediaMessageProblems(13, file({ MediaDuration: 3 }))).toEqual([]);
    const Thumbnail = { Url: "https://x/t", Width: 2, Height: 2 };
    expect(mediaMessageProblems(14, file({ MediaDuration: 3, Thumbnail }))).toEqual([]);
  });

  it("requires Uid, Url (Origin.Url for images) and FileName", () => {
    expect(mediaMessageProblems(12, JSON.stringify({}))).toHaveLength(3);
    expect(mediaMessageProblems(11, JSON.stringify({ Uid: "i", FileName: "a" }))).toEqual([
      "The image message: Origin is required: an object with Url, Width and Height.",
    ]);
  });

  it("limits Url to 500 bytes and FileName to 150 bytes", () => {
    expect(mediaMessageProblems(12, file({ Url: url(500), FileName: "n".repeat(150) }))).toEqual([]);
    expect(mediaMessageProblems(12, file({ Url: url(501) }))).toEqual([
      "The file message: Url is 501 bytes; the limit is 500 bytes.",
    ]);
    expect(mediaMessageProblems(12, file({ FileName: "汉".repeat(51) }))).toEqual([
      "The file message: FileName is 153 bytes; the limit is 150 bytes.",
    ]);
    expect(mediaMessageProblems(11, image({ Origin: { Url: url(501) } }))).toHaveLength(1);
  });

  it("checks the optional image sizes and the video thumbnail", () => {
    expect(mediaMessageProblems(11, image({ LargeImage: { Url: "https://x/l", Width: -1 } }))).toEqual([
      "The image message: LargeImage.Width cannot be negative.",
    ]);
    expect(mediaMessageProblems(14, file({ Thumbnail: { Url: "https://x/t", Width: 0, Height: 2 } }))).toEqual([
      "The video message: Thumbnail.Width must not be 0.",
    ]);
    expect(mediaMessageProblems(13, file({ MediaDuration: "3s" }))).toHaveLength(1);
  });

  it("refuses text that is not JSON, or JSON that is not an object", () => {
    expect(mediaMessageProblems(12, "a.pdf")[0]).toContain("must be JSON text");
    expect(mediaMessageProblems(12, "[1]")).toEqual(["The file message must be a JSON object."]);
  });
});
