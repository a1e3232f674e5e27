import { zimId } from "@/lib/zim/schemas/id";
import { MAX_BULK_GROUPS, type InvalidGroupLine, type ParsedGroupList } from "./types";

/**
 * Reading a pasted or uploaded group list, client-safe: the composer shows the result before anything is sent and
 * the create verb reads the same way. One ID per line, or several separated by commas, semicolons or tabs; a cell
 * in double quotes is taken as written (CSV quoting, "" for a quote), so an ID with a semicolon or a space at its
 * edge can be given; unquoted cells are trimmed. Blank cells and lines are ignored.
 *
 * A first line naming the column ("GroupId", "group_id", "group id", any case) is a header: alone it is skipped;
 * beside other column names (an exported table such as "GroupId,GroupName") only that column is read from every
 * line.
 */
const groupIdSchema = zimId("group ID");

const HEADER = /^group[ _]?id$/i;

/** Only allowed characters (all ASCII, one byte each), 1 to 32 of them: the common case, checked without zod. */
const PLAINLY_VALID = /^[0-9A-Za-z!#$%&()+\-:;<=.>?@[\]^_ {}|~]{1,32}$/;

/** The reason ZIM would refuse `id` as a GroupId (the composer's own rule, lib/zim/schemas/id.ts), or null. */
export function groupIdProblem(id: string): string | null {
  if (PLAINLY_VALID.test(id)) return null;
  const parsed = groupIdSchema.safeParse(id);
  return parsed.success ? null : parsed.error.issues.map((i) => i.message).join(" ");
}

export function parseGroupList(text: string, max = MAX_BULK_GROUPS): ParsedGroupList {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const firstCells = splitCells(lines[0] ?? "");
  const headerAt = firstCells.findIndex((c) => !c.quoted && HEADER.test(c.value));
  const column = headerAt >= 0 && firstCells.filter((c) => c.value !== "").length > 1 ? headerAt : undefined;

  const seen = new Set<string>();
  const ids: string[] = [];
  const invalid: InvalidGroupLine[] = [];
  let duplicates = 0;
  let overMax = false;
  lines.forEach((line, index) => {
    let cells = splitCells(line);
    if (index === 0 && headerAt >= 0) cells = column === undefined ? cells.filter((_, i) => i !== headerAt) : [];
    else if (column !== undefined) cells = cells.slice(column, column + 1);
    for (const { value } of cells) {
      if (value === "") continue;
      const problem = groupIdProblem(value);
      if (problem) {
        invalid.push({ line: index + 1, value, reason: problem });
      } else if (seen.has(value)) {
        duplicates += 1;
      } else if (ids.length >= max) {
        overMax = true;
      } else {
        seen.add(value);
        ids.push(value);
      }
    }
  });
  return { ids, duplicates, invalid, overMax };
}

/** Whole seconds a list takes at the app's limit (the composer's estimate before sending). */
export function estimateSeconds(count: number, perSecond: number): number {
  if (count <= 0) return 0;
  return Math.ceil(count / Math.max(1, perSecond));
}

interface Cell {
  value: string;
  quoted: boolean;
}

const SEPARATORS = new Set([",", ";", "\t"]);

/** One line's cells; an unclosed quote runs to the end of the line (an ID never spans lines). */
function splitCells(line: string): Cell[] {
  const cells: Cell[] = [];
  let i = 0;
  while (i <= line.length) {
    while (line[i] === " ") i += 1;
    if (line[i] === '"') {
      let value = "";
      i += 1;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i += 1;
          break;
        } else {
          value += line[i];
          i += 1;
        }
      }
      // Anything between the closing quote and the next separator is kept, as spreadsheets do.
      let rest = "";
      while (i < line.length && !SEPARATORS.has(line[i]!)) rest += line[i++];
      cells.push({ value: value + rest.trimEnd(), quoted: true });
    } else {
      let value = "";
      while (i < line.length && !SEPARATORS.has(line[i]!)) value += line[i++];
      cells.push({ value: value.trim(), quoted: false });
    }
    i += 1;
  }
  return cells;
}
