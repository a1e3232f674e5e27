import { randomBytes } from "node:crypto";

/**
 * JSON text in which bigint values become bare integer literals. MsgId is a 64-bit number on the wire
 * (zim-api.md §4): written as a literal with 19 digits, it cannot survive JSON.parse into a JS number, which is
 * exactly what the client's D10 handling must cope with. The marker is random per call, so no message text
 * can ever be mistaken for it.
 */
export function toJsonText(value: unknown): string {
  const mark = `\u0000${randomBytes(8).toString("hex")}:`;
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? `${mark}${v.toString()}` : v));
  const escapedMark = JSON.stringify(mark).slice(1, -1);
  return text.split(`"${escapedMark}`).reduce((out, part) => out + part.replace(/^(-?\d+)"/, "$1"));
}
