/**
 * Byte counting for ZIM's size limits, which are in UTF-8 bytes (D4). No server imports: browser forms use it to
 * show "1,024 of 2,048 bytes" while the operator types.
 */
const encoder = new TextEncoder();

export function utf8ByteLength(text: string): number {
  return encoder.encode(text).length;
}

/** "2,049 bytes" — the unit operators see in every size message. */
export function formatBytes(bytes: number): string {
  return `${bytes.toLocaleString("en-US")} ${bytes === 1 ? "byte" : "bytes"}`;
}
