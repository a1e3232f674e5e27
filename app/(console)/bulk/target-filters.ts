import { BULK_TARGET_STATUSES, type BulkTargetStatus } from "@/lib/bulk/status";
import type { BulkTargetFilters } from "@/lib/bulk/types";

/** The result table's filters in the URL: a filtered view survives a reload and can be shared by link. */
export type FilterParams = URLSearchParams | Record<string, string | string[] | undefined>;

const one = (params: FilterParams, name: string): string | undefined => {
  const value = params instanceof URLSearchParams ? params.get(name) : params[name];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
};

/** Anything the table does not know is ignored, never an error: a hand-edited URL still shows a page. */
export function parseTargetFilters(params: FilterParams): BulkTargetFilters {
  const status = one(params, "status");
  const code = one(params, "code");
  const after = one(params, "after");
  const search = one(params, "q");
  return {
    status: status === "failed" || (BULK_TARGET_STATUSES as readonly string[]).includes(status ?? "") ? (status as BulkTargetStatus | "failed") : undefined,
    code: code && /^\d{1,10}$/.test(code) ? Number(code) : undefined,
    auditFailures: one(params, "audit") === "1" ? true : undefined,
    search: search?.slice(0, 64),
    afterSeq: after && /^\d{1,9}$/.test(after) ? Number(after) : undefined,
  };
}

/** The filters as a query string (no "?"), in a fixed order so equal filters make equal query keys. */
export function targetFiltersQuery(filters: BulkTargetFilters, patch: Partial<BulkTargetFilters> = {}): string {
  const f = { ...filters, ...patch };
  const query = new URLSearchParams();
  if (f.status) query.set("status", f.status);
  if (f.code !== undefined) query.set("code", String(f.code));
  if (f.auditFailures) query.set("audit", "1");
  if (f.search) query.set("q", f.search);
  if (f.afterSeq !== undefined) query.set("after", String(f.afterSeq));
  return query.toString();
}
