import { describe, expect, it } from "vitest";
import { checkRequestOrigin, consoleOrigins } from "./origin-check";

const origins = consoleOrigins("https://console.example.com/", " https://console-2.example.com , not a url,");

function verdict(method: string, pathname: string, headers: Record<string, string>) {
  return checkRequestOrigin({ method, pathname, headers: new Headers(headers) }, origins);
}

describe("checkRequestOrigin", () => {
  it("lets the console's own pages change state, from CONSOLE_URL and the trusted origins", () => {
    expect(verdict("POST", "/compose", { origin: "https://console.example.com", "sec-fetch-site": "same-origin" })).toEqual({ allowed: true });
    expect(verdict("PUT", "/zim-sandbox/_sandbox/faults", { origin: "https://console-2.example.com" })).toEqual({ allowed: true });
  });

  it.each([
    ["a foreign Origin", { origin: "https://evil.example" }, "Origin https://evil.example is not the console's"],
    ["an opaque Origin", { origin: "null" }, "Origin null is not the console's"],
    ["another port of the same host", { origin: "https://console.example.com:8443" }, "Origin https://console.example.com:8443 is not the console's"],
    ["plain HTTP to an HTTPS console", { origin: "http://console.example.com" }, "Origin http://console.example.com is not the console's"],
    ["no Origin at all", {}, "the request names no Origin"],
    ["a cross-site fetch even with the right Origin", { origin: "https://console.example.com", "sec-fetch-site": "cross-site" }, "Sec-Fetch-Site is cross-site"],
    ["a sibling subdomain's fetch", { origin: "https://console.example.com", "sec-fetch-site": "same-site" }, "Sec-Fetch-Site is same-site"],
  ])("refuses %s", (_, headers, reason) => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "post"]) {
      expect(verdict(method, "/settings/apps", headers)).toEqual({ allowed: false, reason });
    }
  });

  it("never blocks reading, nor the signed ZIM API of the sandbox, whose callers are machines", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) expect(verdict(method, "/history", { origin: "https://evil.example" })).toEqual({ allowed: true });
    expect(verdict("POST", "/zim-sandbox/", {})).toEqual({ allowed: true });
    expect(verdict("POST", "/zim-sandbox", {})).toEqual({ allowed: true });
    expect(verdict("POST", "/zim-sandbox/_sandbox/reset", {}).allowed).toBe(false);
    expect(verdict("POST", "/zim-sandbox/x", {}).allowed).toBe(false);
  });
});
