import { describe, expect, it } from "vitest";
import { parseZimJson } from "./raw-json";

describe("parseZimJson", () => {
  it("keeps a 19-digit MsgId exact, as a string (D10)", () => {
    const parsed = parseZimJson('{"Code":0,"MsgSeq":7,"MsgId":9223372036854775807,"RequestId":"1"}');
    expect(parsed).toEqual({ Code: 0, MsgSeq: 7, MsgId: "9223372036854775807", RequestId: "1" });
  });

  it("quotes MsgId at any depth and a numeric RequestId, and leaves other numbers alone", () => {
    const text = '{ "RequestId" : 8411281679140263090 ,"List":[{"MsgId": 18446744073709551615 }],"TotalCount":3}';
    expect(parseZimJson(text)).toEqual({
      RequestId: "8411281679140263090",
      List: [{ MsgId: "18446744073709551615" }],
      TotalCount: 3,
    });
  });

  it("never rewrites text inside strings", () => {
    const text = JSON.stringify({ Message: '{"MsgId":12345678901234567890}', Key: 'x","MsgId":5' });
    expect(parseZimJson(text)).toEqual(JSON.parse(text));
  });

  it("leaves MsgId strings and non-integer values as they are", () => {
    expect(parseZimJson('{"MsgId":"42","RequestId":1.5}')).toEqual({ MsgId: "42", RequestId: 1.5 });
  });

  it("throws on text that is not JSON", () => {
    expect(() => parseZimJson("<html>502</html>")).toThrow(SyntaxError);
  });
});
