import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/lib/db/open";
import { auditLog } from "@/lib/db/schema";
import { testEngines } from "@/lib/testing/engines";
import { parseAuditFilters } from "./filters";
import { AUDIT_PAGE_SIZE, listAudit } from "./queries";
import { recordAudit } from "./record";

describe.each(await testEngines())("audit trail on $name", (engine) => {
  let opened: OpenDatabase & { dispose(): Promise<void> };
  beforeAll(async () => {
    opened = await engine.open();
    const actor = { id: "u1", email: "ann@example.com" };
    for (let i = 0; i < AUDIT_PAGE_SIZE + 5; i++) {
      await recordAudit(opened.db, { actor, action: "auth.sign-in", outcome: i % 2 ? "success" : "failure", ipAddress: "127.0.0.1" });
    }
    await recordAudit(opened.db, { actor: { id: "u2", email: "bob_100%@example.com" }, action: "zim-app.create", target: "Prod", outcome: "success" });
    await opened.db.insert(auditLog).values({ action: "operator.create", outcome: "success", at: new Date("2026-01-15T12:00:00Z") });
  });
  afterAll(() => opened.dispose());

  it("pages newest first with a stable keyset cursor", async () => {
    const first = await listAudit(opened.db, parseAuditFilters({}));
    expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.rows[0]?.action).toBe("operator.create");
    const second = await listAudit(opened.db, parseAuditFilters({ before: first.nextBefore }));
    expect(second.rows).toHaveLength(7);
    expect(second.nextBefore).toBeUndefined();
    const ids = [...first.rows, ...second.rows].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("filters by action prefix, actor, outcome and day; wildcards in the filter match literally", async () => {
    expect((await listAudit(opened.db, parseAuditFilters({ action: "zim-app." }))).rows).toHaveLength(1);
    expect((await listAudit(opened.db, parseAuditFilters({ actor: "100%" }))).rows).toHaveLength(1);
    expect((await listAudit(opened.db, parseAuditFilters({ actor: "_" }))).rows).toHaveLength(1);
    const failures = await listAudit(opened.db, parseAuditFilters({ outcome: "failure", action: "auth." }));
    expect(failures.rows.every((r) => r.outcome === "failure")).toBe(true);
    expect(failures.rows).toHaveLength(28);
    const day = await listAudit(opened.db, parseAuditFilters({ from: "2026-01-15", to: "2026-01-15" }));
    expect(day.rows.map((r) => r.action)).toEqual(["operator.create"]);
  });

  it("drops malformed filter values instead of failing", () => {
    expect(parseAuditFilters({ outcome: "maybe", from: "yesterday", before: "1; drop table", action: ["a", "b"] })).toEqual({
      action: "a",
    });
  });
});
