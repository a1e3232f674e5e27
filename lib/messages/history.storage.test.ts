import Papa from "papaparse";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/lib/db/open";
import { messageSend, type MessageSendRow } from "@/lib/db/schema";
import { testEngines } from "@/lib/testing/engines";
import { CSV_COLUMNS } from "./csv";
import { historyCsvStream } from "./export";
import { parseHistoryFilters, type HistoryFilters } from "./history-filters";
import { historyWhere, listSends } from "./queries";

const NOW = new Date("2030-03-10T12:00:00Z");
const BASE = Date.parse("2030-03-01T00:00:00Z");

/**
 * 120 sends spread over 10 days, several sharing a created_at to exercise the id tie-break of the cursor; every
 * tenth is an announcement (no group, priority or recipients).
 */
function rows(): (typeof messageSend.$inferInsert)[] {
  const statuses = ["delivered", "rejected", "blocked", "rate-limited", "unknown", "not-sent"] as const;
  return Array.from({ length: 120 }, (_, i) => {
    const createdAt = new Date(BASE + Math.floor(i / 3) * 6 * 3_600_000);
    const broadcast = i % 10 === 9;
    const shape = broadcast
      ? { kind: "broadcast" as const, groupId: null, priority: null, recipientMode: null, pushType: i % 3 }
      : { kind: "group" as const, groupId: `g-${i % 5}`, priority: 2, recipientMode: "all" as const };
    return {
      idempotencyKey: `history-key-${String(i).padStart(4, "0")}-xxxxxx`, requestHash: "h", appKey: i % 4 === 0 ? "prod-app" : "sandbox",
      appName: i % 4 === 0 ? "Production" : "Sandbox", appId: 7, isProduction: i % 4 === 0, fromUserId: i % 2 ? "ops" : "bot",
      ...shape, messageType: 1, status: statuses[i % 6]!,
      request: { MessageBody: { Message: i === 7 ? "=HYPERLINK(\"http://x\")" : `message ${i}, "quoted"` } },
      msgSeq: i + 1000, requestId: `req-${i}`, operatorId: "o", operatorEmail: i % 3 ? "ann@x.test" : "bob@x.test",
      createdAt, attemptedAt: createdAt, completedAt: createdAt,
    };
  });
}

describe.each(await testEngines())("history queries and export on $name", (engine) => {
  let opened: OpenDatabase & { dispose(): Promise<void> };
  let all: MessageSendRow[];
  beforeAll(async () => {
    opened = await engine.open();
    all = await opened.db.insert(messageSend).values(rows()).returning();
    // A send still "sending" from a dead process: shown (and filtered) as unknown.
    all.push(...(await opened.db.insert(messageSend).values({ ...rows()[0]!, idempotencyKey: "stale-sending-key-xxxxx", status: "sending", createdAt: new Date(BASE), attemptedAt: new Date(BASE) }).returning()));
  });
  afterAll(() => opened.dispose());

  async function everyPage(filters: HistoryFilters, limit: number) {
    const seen: MessageSendRow[] = [];
    let cursor: string | undefined;
    do {
      const page = await listSends(opened.db, { ...filters, cursor }, { now: NOW, limit });
      seen.push(...page.rows);
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  }
  const newestFirst = (a: MessageSendRow, b: MessageSendRow) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1);

  it("pages newest first on (created_at, id) without gaps or repeats", async () => {
    const seen = await everyPage({}, 7);
    expect(seen).toHaveLength(121);
    expect(new Set(seen.map((r) => r.id)).size).toBe(121);
    expect(seen.map((r) => r.id)).toEqual([...seen].sort(newestFirst).map((r) => r.id));
  });

  it.each([
    [{ app: "prod-app" }, (r: MessageSendRow) => r.appKey === "prod-app"],
    [{ group: "g-3" }, (r: MessageSendRow) => r.groupId === "g-3"],
    [{ sender: "bot" }, (r: MessageSendRow) => r.fromUserId === "bot"],
    [{ operator: "BOB@x.test" }, (r: MessageSendRow) => r.operatorEmail === "bob@x.test"],
    [{ outcome: "blocked" }, (r: MessageSendRow) => r.status === "blocked"],
    [{ kind: "broadcast" }, (r: MessageSendRow) => r.kind === "broadcast"],
    [{ kind: "group", app: "prod-app" }, (r: MessageSendRow) => r.kind === "group" && r.appKey === "prod-app"],
    [{ app: "sandbox", group: "g-1", outcome: "rejected" }, (r: MessageSendRow) => r.appKey === "sandbox" && r.groupId === "g-1" && r.status === "rejected"],
  ] as const)("filters %j exactly, across pages", async (filters, keep) => {
    const expected = all.filter(keep).sort(newestFirst).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(0);
    expect((await everyPage(filters, 5)).map((r) => r.id)).toEqual(expected);
  });

  it("counts a stale 'sending' row as unknown", async () => {
    const unknown = await everyPage({ outcome: "unknown" }, 50);
    expect(unknown.map((r) => r.status).sort()).toEqual([...Array(20).fill("unknown"), "sending"].sort());
    expect(await everyPage({ outcome: "sending" }, 50)).toEqual([]);
  });

  it("finds a send by MsgSeq or by RequestId", async () => {
    expect((await listSends(opened.db, { ref: "1005" }, { now: NOW })).rows.map((r) => r.requestId)).toEqual(["req-5"]);
    expect((await listSends(opened.db, { ref: "req-42" }, { now: NOW })).rows.map((r) => r.msgSeq)).toEqual([1042]);
  });

  it("reads the date range as whole days of the operator's time zone", async () => {
    // 2030-03-02 in Shanghai (UTC+8) is 03-01 16:00 to 03-02 16:00 UTC: created_at 18:00 (i 9–11) to 12:00 (i 21–23).
    const days = await everyPage({ from: "2030-03-02", to: "2030-03-02" }, 50);
    const inShanghai = await listSends(opened.db, { from: "2030-03-02", to: "2030-03-02" }, { timeZone: "Asia/Shanghai", now: NOW, limit: 50 });
    expect(days.map((r) => r.createdAt.toISOString()).every((t) => t.startsWith("2030-03-02"))).toBe(true);
    expect(inShanghai.rows.map((r) => r.createdAt.toISOString()).sort()[0]).toBe("2030-03-01T18:00:00.000Z");
    expect(inShanghai.rows.map((r) => r.createdAt.toISOString()).sort().at(-1)).toBe("2030-03-02T12:00:00.000Z");
    expect(inShanghai.rows).toHaveLength(12);
  });

  it("parses filters from the URL leniently", () => {
    expect(parseHistoryFilters({ outcome: "maybe", from: "yesterday", ref: "a b", group: "g-1", cursor: "x" })).toEqual({ group: "g-1" });
  });

  it("exports the filtered rows as CSV, formulas escaped", async () => {
    const bytes = new Uint8Array(await new Response(historyCsvStream(opened.db, { app: "sandbox" }, { now: NOW })).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<string[]>(new TextDecoder().decode(bytes), { skipEmptyLines: true });
    const [header, ...body] = parsed.data;
    expect(header).toEqual([...CSV_COLUMNS]);
    const expected = all.filter((r) => r.appKey === "sandbox").sort(newestFirst);
    expect(body).toHaveLength(expected.length);
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    expect(body.map((r) => r[col("send_id")])).toEqual(expected.map((r) => r.id));
    const seven = body.find((r) => r[col("request_id")] === "req-7")!;
    expect(seven[col("message")]).toBe("'=HYPERLINK(\"http://x\")");
    expect(body.find((r) => r[col("request_id")] === "req-5")?.[col("message")]).toBe('message 5, "quoted"');
    const announcement = body.find((r) => r[col("request_id")] === "req-29")!;
    expect([announcement[col("kind")], announcement[col("group_id")], announcement[col("recipients")], announcement[col("push_type")], announcement[col("priority")]])
      .toEqual(["announcement", "", "all users (announcement)", "offline push to all", ""]);
  });

  it("uses an index for every filter at scale, never a sort of the whole table", async () => {
    const db = opened.db;
    await db.execute(sql`insert into message_send (idempotency_key, request_hash, app_key, app_name, app_id, is_production, from_user_id, group_id, message_type, priority, recipient_mode, request, status, operator_id, operator_email, created_at, attempted_at)
      select 'bulk-' || n, 'h', 'app-' || (n % 20), 'A', 1, false, 'u-' || (n % 7), 'g-' || (n % 10), 1, 1, 'all', '{}'::json,
        (array['delivered','rejected','blocked','unknown'])[1 + n % 4], 'o', 'op' || (n % 30) || '@x.test',
        timestamptz '2029-01-01' + n * interval '1 second', timestamptz '2029-01-01' + n * interval '1 second'
      from generate_series(1, 30000) n`);
    await db.execute(sql`analyze message_send`);
    const client = (db as unknown as { $client: { query(text: string, params: unknown[]): Promise<{ rows: Record<string, string>[] }> } }).$client;
    for (const filters of [{}, { app: "app-3" }, { kind: "broadcast" as const }, { group: "g-7" }, { sender: "u-3" }, { operator: "op4@x.test" }, { outcome: "blocked" as const }, { app: "app-3", cursor: `${Date.parse("2029-01-01T05:00:00Z")}_00000000-0000-0000-0000-000000000000` }]) {
      const q = db.select().from(messageSend).where(historyWhere(filters, "UTC", NOW)).orderBy(sql`created_at desc, id desc`).limit(51).toSQL();
      const plan = (await client.query(`explain ${q.sql}`, q.params)).rows.map((r) => Object.values(r)[0]).join("\n");
      expect(plan, JSON.stringify(filters)).toMatch(/Index Scan/);
      expect(plan, JSON.stringify(filters)).not.toMatch(/Seq Scan|Sort/);
    }
  });
});
