/**
 * Strict standard base64 (RFC 4648 with padding), as a command message with IsBase64 = 1 must carry
 * (660000025 otherwise). Buffer.from alone is too lenient: it skips bad characters silently.
 */
export function decodeStrictBase64(text: string): Buffer | undefined {
  if (text.length === 0 || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
  const bytes = Buffer.from(text, "base64");
  return bytes.toString("base64") === text ? bytes : undefined;
}
