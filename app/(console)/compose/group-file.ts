import { MAX_GROUP_LIST_CHARS } from "../bulk/bulk-input";

/** Why a loaded file cannot be a list of group IDs; the composer says so beside the list and keeps what it had. */
export type GroupFileProblem = "tooLarge" | "binary" | "notUtf8";

export type GroupFileReading = { ok: true; text: string } | { ok: false; problem: GroupFileProblem };

/** A list file larger than this is refused before it is read (the list itself has the same limit). */
export const MAX_GROUP_FILE_BYTES = MAX_GROUP_LIST_CHARS;

/**
 * A CSV or text file's content as text, or why not: too large, binary (a NUL byte — also what a UTF-16 file looks
 * like), or not valid UTF-8. A spreadsheet's byte order mark is dropped.
 */
export function readGroupFile(bytes: Uint8Array): GroupFileReading {
  if (bytes.byteLength > MAX_GROUP_FILE_BYTES) return { ok: false, problem: "tooLarge" };
  if (bytes.includes(0)) return { ok: false, problem: "binary" };
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, problem: "notUtf8" };
  }
}
