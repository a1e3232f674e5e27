import "server-only";
import Papa from "papaparse";
import type { Database } from "@/lib/db";
import type { BulkTargetView } from "./types";
import { listBulkTargets } from "./queries";

/** The columns of a run's results, one row per group in list order. */
export const BULK_CSV_COLUMNS = [
  "seq", "group_id", "status", "code", "zim_message", "msg_seq", "msg_id", "request_id", "moderation_reasons", "completed_at_utc", "recall",
] as const;

/** As the history export: formulas escaped (a group ID may start with "+", "-" or "="), CRLF lines. */
const UNPARSE = { escapeFormulae: true, newline: "\r\n" } as const;
const BATCH = 1_000;

/**
 * The results of one run as CSV text, header first (with a byte order mark, so spreadsheets read it as UTF-8),
 * then the groups page by page on the seq keyset, so 100,000 groups never sit in memory at once. An unknown run
 * gives the header alone.
 */
export async function* bulkResultsCsv(db: Database, id: string): AsyncIterable<string> {
  yield `\uFEFF${Papa.unparse([[...BULK_CSV_COLUMNS]], UNPARSE)}\r\n`;
  let afterSeq: number | undefined;
  for (;;) {
    const page = await listBulkTargets(db, id, { afterSeq }, BATCH);
    if (page.rows.length > 0) yield `${Papa.unparse(page.rows.map(csvRow), UNPARSE)}\r\n`;
    if (page.nextAfterSeq === undefined) return;
    afterSeq = page.nextAfterSeq;
  }
}

function csvRow(t: BulkTargetView): string[] {
  return [
    String(t.seq),
    t.groupId,
    t.status,
    t.code === null ? "" : String(t.code),
    t.zimMessage ?? t.failureReason ?? "",
    t.msgSeq === null ? "" : String(t.msgSeq),
    t.msgId ?? "",
    t.requestId ?? "",
    (t.auditInfos ?? []).map((a) => `#${a.Index}: ${a.Reason}`).join("; "),
    t.completedAt ?? "",
    t.recallStatus ?? "",
  ];
}
