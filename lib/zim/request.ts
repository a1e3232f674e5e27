import "server-only";
import { newSignatureNonce, unixSeconds, zimSignature } from "./signature";

/** The credentials and address every request is signed and sent with. */
export interface ZimEndpoint {
  appId: number;
  serverSecret: string;
  /** e.g. https://zim-api.zego.im, or the sandbox's http://127.0.0.1:4010/zim-sandbox. */
  baseUrl: string;
}

export type QueryValue = string | number | boolean | readonly (string | number)[] | undefined;

export const DEFAULT_BASE_URL = "https://zim-api.zego.im";

/** Throws TypeError for a base URL the client cannot use: it must be http(s) without a query or fragment. */
export function checkBaseUrl(baseUrl: string): URL {
  const url = new URL(baseUrl);
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new TypeError(`The ZIM base URL must start with https:// (or http:// for the sandbox): ${baseUrl}`);
  }
  if (url.search || url.hash) throw new TypeError(`The ZIM base URL must not have a query or fragment: ${baseUrl}`);
  return url;
}

/**
 * The URL of one call: path "/" under the base (so http://host:3000/zim-sandbox becomes
 * http://host:3000/zim-sandbox/?Action=…), the common parameters in the query (zim-api.md §1.2), then the business
 * parameters of a GET Action, arrays as `UserId[]=a&UserId[]=b`. A fresh nonce and the current time in seconds
 * sign every call (D11, D12). IsTest is never sent: it is not a ZIM parameter.
 */
export function buildZimUrl(
  endpoint: ZimEndpoint,
  action: string,
  query: Record<string, QueryValue> = {},
  nowMs: number = Date.now(),
): URL {
  const url = checkBaseUrl(endpoint.baseUrl);
  if (!url.pathname.endsWith("/")) url.pathname = `${url.pathname}/`;
  const nonce = newSignatureNonce();
  const timestamp = unixSeconds(nowMs);
  const pairs: [string, string][] = [
    ["Action", action],
    ["AppId", String(endpoint.appId)],
    ["SignatureNonce", nonce],
    ["Timestamp", String(timestamp)],
    ["SignatureVersion", "2.0"],
    ["Signature", zimSignature(endpoint.appId, nonce, endpoint.serverSecret, timestamp)],
  ];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) pairs.push([`${key}[]`, String(item)]);
    else pairs.push([key, String(value)]);
  }
  // Built by hand so the brackets stay literal as in the docs' example; URLSearchParams would write %5B%5D.
  url.search = pairs.map(([k, v]) => `${encodeKey(k)}=${encodeURIComponent(v)}`).join("&");
  return url;
}

function encodeKey(key: string): string {
  return key.endsWith("[]") ? `${encodeURIComponent(key.slice(0, -2))}[]` : encodeURIComponent(key);
}
