import { zimId } from "@/lib/zim/schemas/id";

export interface InvalidRecipient {
  /** 1-based line of the pasted text. */
  line: number;
  id: string;
  message: string;
}

export interface RecipientList {
  /** Valid IDs, trimmed, first occurrence kept, in pasted order. */
  ids: string[];
  invalid: InvalidRecipient[];
  /** How many repeats were dropped. */
  duplicates: number;
}

const receiverId = zimId("receiver user ID");

/**
 * Reads a pasted or uploaded list of user IDs: one or more per line, separated by commas, semicolons, spaces or
 * tabs; surrounding quotes (from a CSV cell) are removed. Since separators split on spaces, an ID containing a
 * space cannot be listed here — ZIM allows them, but operators paste lists far more often than such IDs.
 * Every ID is checked with lib/zim's ID rule, and an invalid one is reported with its line.
 */
export function parseRecipients(text: string): RecipientList {
  const ids: string[] = [];
  const seen = new Set<string>();
  const invalid: InvalidRecipient[] = [];
  let duplicates = 0;
  text.split(/\r\n|\r|\n/).forEach((content, index) => {
    for (const raw of content.split(/[,;\s]+/)) {
      const id = raw.replace(/^"(.*)"$/, "$1").trim();
      if (!id) continue;
      const check = receiverId.safeParse(id);
      if (!check.success) {
        invalid.push({ line: index + 1, id, message: check.error.issues[0]?.message ?? "Invalid ID." });
      } else if (seen.has(id)) {
        duplicates += 1;
      } else {
        seen.add(id);
        ids.push(id);
      }
    }
  });
  return { ids, invalid, duplicates };
}

/** A CSV or text file's IDs as lines: the column named like a user ID when there is a header, else the first. */
export function idsFromTable(rows: string[][]): string[] {
  if (rows.length === 0) return [];
  const header = rows[0]!.map((c) => c.trim().toLowerCase().replace(/[\s_-]/g, ""));
  const named = header.findIndex((c) => ["userid", "id", "user", "receiver", "receiveruserid", "uid"].includes(c));
  const column = named >= 0 ? named : 0;
  const body = named >= 0 ? rows.slice(1) : rows;
  return body.map((r) => (r[column] ?? "").trim()).filter(Boolean);
}
