import { z } from "zod";
import { SEND_STATUSES } from "./status";

/**
 * The history's filters as they travel in the URL (and to the CSV export). Parsed leniently: a mistyped value is
 * dropped instead of failing, so a shared link always opens. `ref` matches a MsgSeq or a RequestId; `cursor` is
 * the keyset position "<created_at ms>_<id>" of the last row already shown.
 */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = (max: number) => z.string().trim().min(1).max(max);

export const historyFilterSchema = z.object({
  app: text(64).optional().catch(undefined),
  /** "group" (group messages) or "broadcast" (announcements to all users). */
  kind: z.enum(["group", "broadcast"]).optional().catch(undefined),
  group: text(64).optional().catch(undefined),
  sender: text(64).optional().catch(undefined),
  operator: text(254).optional().catch(undefined),
  outcome: z.enum(SEND_STATUSES).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  ref: z.string().trim().regex(/^[\w-]{1,64}$/).optional().catch(undefined),
  cursor: z.string().regex(/^\d{1,15}_[0-9a-f-]{36}$/).optional().catch(undefined),
});

export type HistoryFilters = z.output<typeof historyFilterSchema>;
export const FILTER_KEYS = ["app", "kind", "group", "sender", "operator", "outcome", "from", "to", "ref"] as const;

export function parseHistoryFilters(params: Record<string, string | string[] | undefined> | URLSearchParams): HistoryFilters {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  const single = Object.fromEntries(
    entries.map(([k, v]) => [k, Array.isArray(v) ? v[0] : v === "" ? undefined : v]),
  );
  return historyFilterSchema.parse(single);
}

/** The filters as a query string (without the cursor unless given), for links, paging and the export. */
export function filtersQuery(filters: HistoryFilters, extra: Record<string, string | undefined> = {}): string {
  const all: [string, string | undefined][] = [...FILTER_KEYS.map((k): [string, string | undefined] => [k, filters[k]]), ...Object.entries(extra)];
  const pairs = all.filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== "");
  return new URLSearchParams(pairs).toString();
}

export function encodeCursor(createdAt: Date, id: string): string {
  return `${createdAt.getTime()}_${id}`;
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [ms, id] = cursor.split("_") as [string, string];
  return { createdAt: new Date(Number(ms)), id };
}
