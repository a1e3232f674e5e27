/**
 * Strict standard base64 (RFC 4648 alphabet, "=" padding) for command messages sent with IsBase64 = 1. The server
 * decodes before delivery and measures the decoded bytes, so the size check needs the decoded length. Pure string
 * arithmetic, so it works in the browser and on the server alike.
 */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function isStrictBase64(text: string): boolean {
  return text.length > 0 && BASE64.test(text);
}

/** Decoded byte count of a string that passed isStrictBase64. */
export function base64DecodedLength(text: string): number {
  const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}
