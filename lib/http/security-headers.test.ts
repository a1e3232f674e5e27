import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, servedOverHttps } from "./security-headers";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("contentSecurityPolicy", () => {
  it("in production allows scripts and styles only by this response's nonce, and nothing inline or evaluated", () => {
    const csp = directives(contentSecurityPolicy("abc123=="));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(csp.get("style-src")).toEqual(["'self'", "'nonce-abc123=='"]);
    expect([...csp.values()].flat()).not.toContain("'unsafe-inline'");
    expect([...csp.values()].flat()).not.toContain("'unsafe-eval'");
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("relaxes for the development server only what React's tooling needs, and upgrades requests over HTTPS", () => {
    const dev = directives(contentSecurityPolicy("n", { dev: true, https: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev.has("upgrade-insecure-requests")).toBe(true);
  });
});

describe("newNonce", () => {
  it("is 16 random bytes in base64, different each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});

describe("servedOverHttps", () => {
  it.each([
    ["https://console.example.com/", {}, true],
    ["http://127.0.0.1:3000/", { "x-forwarded-proto": "https" }, true],
    ["http://127.0.0.1:3000/", { "x-forwarded-proto": "HTTPS, http" }, true],
    ["http://127.0.0.1:3000/", { "x-forwarded-proto": "http" }, false],
    ["http://127.0.0.1:3000/", {}, false],
  ])("%s %j → %s", (url, headers, expected) => {
    expect(servedOverHttps(new URL(url), new Headers(headers))).toBe(expected);
  });
});
