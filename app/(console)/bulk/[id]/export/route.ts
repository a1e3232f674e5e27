import { bulkResultsCsv } from "@/lib/bulk/export";
import { getBulkProgress } from "@/lib/bulk/queries";
import { getDb } from "@/lib/db";
import { routeOperator } from "@/lib/messages/route-access";
import { isBulkId } from "../../paging";

export const dynamic = "force-dynamic";

/** Pulls the CSV lines as the client reads, so a run of 100,000 groups never sits in memory at once. */
function streamOf(lines: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = lines[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** Every group's result of one bulk send as a CSV download; the same access as the history export. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const operator = await routeOperator("history:read");
  if (operator instanceof Response) return operator;
  const { id } = await params;
  const db = await getDb();
  if (!isBulkId(id) || !(await getBulkProgress(db, id))) return Response.json({ error: "No such bulk send." }, { status: 404 });
  return new Response(streamOf(bulkResultsCsv(db, id)), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="zim-bulk-${id}.csv"`,
      "cache-control": "no-store",
    },
  });
}
