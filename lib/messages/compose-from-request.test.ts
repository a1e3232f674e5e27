import { describe, expect, it } from "vitest";
import { buildRequest, emptyCompose, emptyItem, emptyMedia, type ComposeValues } from "./compose-form";
import { valuesFromRequest } from "./compose-from-request";

const base = emptyCompose("sandbox", "ops");
const cases: [string, ComposeValues][] = [
  ["text with push and NoUnread", { ...base, groupId: "g", text: "hi", push: { enabled: true, title: "T", content: "C", payload: "" }, noUnread: true }],
  ["custom targeted", { ...base, groupId: "g", messageType: 200, text: "{}", subMsgType: "3", searchedContent: "s", recipientMode: "only", recipientsText: "a\nb" }],
  ["base64 command", { ...base, groupId: "g", messageType: 2, text: "aGk=", isBase64: true, extendedData: "x" }],
  ["video", { ...base, groupId: "g", messageType: 14, media: { ...emptyMedia("u1"), url: "https://v", fileName: "v.mp4", size: "9", duration: "3", thumbUrl: "https://t", thumbWidth: "4", thumbHeight: "3" } }],
  ["multi-item", { ...base, groupId: "g", messageType: 10, items: [{ ...emptyItem(1), text: "a" }, { ...emptyItem(11), media: { ...emptyMedia("i1"), url: "https://i", fileName: "i.png", width: "2", height: "2" } }] }],
];

describe("edit and send again", () => {
  it.each(cases)("rebuilds the same request from a recorded %s", (_, values) => {
    const request = buildRequest(values);
    expect(buildRequest(valuesFromRequest(request as unknown as Record<string, unknown>, "sandbox"))).toEqual(request);
  });
});
