import "server-only";
import { createHash, randomBytes } from "node:crypto";

/**
 * ZIM request signing (zim-api.md §1.3): md5 of the plain concatenation AppId + SignatureNonce + ServerSecret +
 * Timestamp, as lowercase hex. No HMAC, no sorting; the body is not signed.
 */
export function zimSignature(appId: number, nonce: string, serverSecret: string, timestamp: number): string {
  return createHash("md5").update(`${appId}${nonce}${serverSecret}${timestamp}`, "utf8").digest("hex");
}

/** 16 hex characters from 8 random bytes, new for every request although ZIM does not check replays (D11). */
export function newSignatureNonce(): string {
  return randomBytes(8).toString("hex");
}

/** Unix time in seconds; ZIM refuses a Timestamp more than 600 s from its clock with 100000004 (D12). */
export function unixSeconds(nowMs: number = Date.now()): number {
  return Math.floor(nowMs / 1000);
}
