import { z } from "zod";

/**
 * The audit trail's filters as they travel in the URL. Parsed leniently: a bad value is dropped (and the page
 * says so) instead of failing, because a URL is easy to mistype and the page must still open.
 */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const auditFilterSchema = z.object({
  action: z.string().trim().max(64).optional().catch(undefined),
  actor: z.string().trim().max(254).optional().catch(undefined),
  outcome: z.enum(["success", "failure", "denied"]).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  before: z.string().regex(/^\d{1,19}$/).optional().catch(undefined),
});

export type AuditFilters = z.output<typeof auditFilterSchema>;

export function parseAuditFilters(params: Record<string, string | string[] | undefined>): AuditFilters {
  const single = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v === "" ? undefined : v]),
  );
  return auditFilterSchema.parse(single);
}
