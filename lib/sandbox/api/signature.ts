import { createHash } from "node:crypto";

/**
 * zim-api.md §1.3: md5(AppId + SignatureNonce + ServerSecret + Timestamp), lowercase hex. Written here again
 * (not imported from lib/zim) so the client is never checked against itself.
 */
export function zimSignature(appId: number | string, nonce: string, serverSecret: string, timestamp: number | string) {
  return createHash("md5").update(`${appId}${nonce}${serverSecret}${timestamp}`, "utf8").digest("hex");
}
