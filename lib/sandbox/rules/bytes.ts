const encoder = new TextEncoder();

/** D4: every ZIM size is counted in UTF-8 bytes, and 1 KB = 1024 bytes. (TextEncoder: also usable in a browser.) */
export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}
