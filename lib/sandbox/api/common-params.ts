import { timingSafeEqual } from "node:crypto";
import { CODE } from "./codes";
import { zimSignature } from "./signature";

/** D12: a Timestamp is accepted when within this many seconds of the sandbox clock, either way. */
export const TIMESTAMP_WINDOW_SECONDS = 600;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export type CommonParamsCheck = { ok: true; action: string } | { ok: false; code: number };

interface Expected {
  appId: number;
  serverSecret: string;
  nowMs: number;
  isSupported(action: string): boolean;
}

/**
 * The gateway's checks, in the order the sandbox applies them (zim-api.md §1.2–1.3): AppId, Timestamp, Action,
 * SignatureNonce, Signature, SignatureVersion, then the time window (D12) and the signature itself. An AppId
 * that is well formed but not this sandbox's answers 100000005, since no secret can match (D2). Nonces are not
 * remembered (D11).
 */
export function checkCommonParams(query: URLSearchParams, expected: Expected): CommonParamsCheck {
  const appIdText = query.get("AppId") ?? "";
  if (!/^\d{1,10}$/.test(appIdText) || Number(appIdText) > 0xffffffff) return { ok: false, code: CODE.appIdMalformed };
  const appId = Number(appIdText);

  const timestampText = query.get("Timestamp") ?? "";
  if (timestampText === "") return { ok: false, code: CODE.timestampEmpty };
  if (!/^-?\d{1,19}$/.test(timestampText)) return { ok: false, code: CODE.timestampMalformed };
  const timestamp = BigInt(timestampText);
  if (timestamp < INT64_MIN || timestamp > INT64_MAX) return { ok: false, code: CODE.timestampMalformed };

  const action = query.get("Action") ?? "";
  if (action === "") return { ok: false, code: CODE.actionEmpty };
  if (!expected.isSupported(action)) return { ok: false, code: CODE.actionUnsupported };

  const nonce = query.get("SignatureNonce") ?? "";
  if (nonce === "") return { ok: false, code: CODE.nonceEmpty };
  const signature = query.get("Signature") ?? "";
  if (signature === "") return { ok: false, code: CODE.signatureEmpty };
  const version = query.get("SignatureVersion") ?? "";
  if (version === "") return { ok: false, code: CODE.signatureVersionEmpty };
  if (version !== "2.0") return { ok: false, code: CODE.signatureVersionUnsupported };

  const nowSeconds = BigInt(Math.floor(expected.nowMs / 1000));
  const skew = timestamp > nowSeconds ? timestamp - nowSeconds : nowSeconds - timestamp;
  if (skew > BigInt(TIMESTAMP_WINDOW_SECONDS)) return { ok: false, code: CODE.signatureExpired };

  if (appId !== expected.appId) return { ok: false, code: CODE.signatureWrong };
  // Both numbers are hashed in their decimal form, as a server that parsed them would: "007" signs as "7".
  const wanted = zimSignature(appId, nonce, expected.serverSecret, timestamp.toString());
  if (!sameText(signature, wanted)) return { ok: false, code: CODE.signatureWrong };
  return { ok: true, action };
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}
