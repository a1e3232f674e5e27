import { base64DecodedLength, isStrictBase64 } from "@/lib/zim/base64";
import { utf8ByteLength } from "@/lib/zim/utf8";

/** A live size against a ZIM limit, in UTF-8 bytes (D4): what the counters beside each field show. */
export interface ByteCount {
  bytes: number;
  limit: number;
  over: boolean;
  /** Negative when over. */
  remaining: number;
}

export function countBytes(text: string, limit: number): ByteCount {
  const bytes = utf8ByteLength(text);
  return { bytes, limit, over: bytes > limit, remaining: limit - bytes };
}

/**
 * A command message with base64 on is measured after decoding, as the server does; text that is not base64
 * counts as it is typed and is flagged, since the send would be refused (660000025).
 */
export function countCommandBytes(text: string, isBase64: boolean, limit: number): ByteCount & { invalidBase64: boolean } {
  if (!isBase64 || text === "") return { ...countBytes(text, limit), invalidBase64: false };
  if (!isStrictBase64(text)) return { ...countBytes(text, limit), invalidBase64: true };
  const bytes = base64DecodedLength(text);
  return { bytes, limit, over: bytes > limit, remaining: limit - bytes, invalidBase64: false };
}
