import "server-only";
import type { Database } from "@/lib/db";
import { csvHeader, csvLines } from "./csv";
import type { HistoryFilters } from "./history-filters";
import { listSends } from "./queries";

const BATCH = 500;

/**
 * The filtered history as a CSV byte stream, newest first, read page by page on the keyset cursor as the client
 * pulls, so a million rows never sit in memory at once.
 */
export function historyCsvStream(db: Database, filters: HistoryFilters, { timeZone = "UTC", now = new Date() } = {}) {
  const encoder = new TextEncoder();
  let cursor = filters.cursor;
  let started = false;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvHeader()));
        return;
      }
      if (done) return controller.close();
      const page = await listSends(db, { ...filters, cursor }, { timeZone, now, limit: BATCH });
      if (page.rows.length > 0) controller.enqueue(encoder.encode(csvLines(page.rows, now)));
      cursor = page.nextCursor;
      if (!cursor) {
        done = true;
        controller.close();
      }
    },
  });
}
