import { createHash, randomBytes } from "node:crypto";
import type { TestClock } from "./clock";

/**
 * The tests' own ZIM caller: signs per zim-api.md §1.3 with its own md5 (nothing imported from the sandbox or
 * lib/zim), so a signing bug on either side cannot hide behind shared code.
 */
export function testSignature(appId: string, nonce: string, secret: string, timestamp: string): string {
  return createHash("md5").update(appId + nonce + secret + timestamp).digest("hex");
}

type CommonName = "AppId" | "Timestamp" | "Action" | "SignatureNonce" | "Signature" | "SignatureVersion";

export interface ZimCallOptions {
  method?: "GET" | "POST";
  /** Business query parameters (GET); arrays are sent as `Key[]=a&Key[]=b`. */
  query?: Record<string, string | string[]>;
  /** Replace (string) or leave out (null) common parameters; the signature is computed before overrides. */
  common?: Partial<Record<CommonName, string | null>>;
  timestampOffsetSeconds?: number;
  /** Raw POST body text instead of JSON.stringify(body). */
  rawBody?: string;
}

export interface ZimAnswer {
  status: number;
  text: string;
  /** Parsed JSON, or undefined when the text is not JSON. */
  json?: Record<string, unknown> & { Code?: number };
}

export function zimCaller(base: { url: string; appId: number; serverSecret: string; clock: TestClock }) {
  return async function call(action: string, body?: unknown, options: ZimCallOptions = {}): Promise<ZimAnswer> {
    const timestamp = String(base.clock.seconds() + (options.timestampOffsetSeconds ?? 0));
    const nonce = randomBytes(8).toString("hex");
    const common: Record<string, string | null> = {
      Action: action,
      AppId: String(base.appId),
      SignatureNonce: nonce,
      Timestamp: timestamp,
      SignatureVersion: "2.0",
      Signature: testSignature(String(base.appId), nonce, base.serverSecret, timestamp),
      ...options.common,
    };
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(common)) if (value !== null) search.append(key, value);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (Array.isArray(value)) value.forEach((v) => search.append(`${key}[]`, v));
      else search.append(key, value);
    }
    const method = options.method ?? "POST";
    const response = await fetch(`${base.url}/?${search.toString()}`, {
      method,
      headers: method === "POST" ? { "content-type": "application/json" } : undefined,
      body: method === "POST" ? (options.rawBody ?? JSON.stringify(body ?? {})) : undefined,
    });
    const text = await response.text();
    let json: ZimAnswer["json"];
    try {
      json = JSON.parse(text) as ZimAnswer["json"];
    } catch {
      json = undefined;
    }
    return { status: response.status, text, json };
  };
}

export type ZimCall = ReturnType<typeof zimCaller>;
