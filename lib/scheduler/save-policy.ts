import "server-only";
import { and, eq } from "drizzle-orm";
import { OperatorError } from "@/lib/actions/operator-error";
import { recordAudit } from "@/lib/audit/record";
import type { Database } from "@/lib/db";
import { appPolicy, scheduledItem, zimApp } from "@/lib/db/schema";
import { SANDBOX_APP_KEY } from "@/lib/zim-apps/targets";
import type { AppPolicyValues } from "./policy-schema";
import { getAppPolicy } from "./policy";

/**
 * Saves an app's scheduling policy with its audit row. Switching approval on puts the app's waiting
 * announcements under it (they wait for a second operator too: no announcement slips out because it was
 * scheduled a minute before the switch); switching it off releases those still waiting for a review.
 */
export async function saveAppPolicy({ db, operator, ipAddress, input }: {
  db: Database;
  operator: { id: string; email: string };
  ipAddress?: string | null;
  input: AppPolicyValues;
}): Promise<{ affectedItems: number }> {
  const app = await appName(db, input.appKey);
  return db.transaction(async (tx) => {
    const before = await getAppPolicy(tx, input.appKey);
    const values = { graceMinutes: input.graceMinutes, announcementApproval: input.announcementApproval, updatedAt: new Date() };
    await tx.insert(appPolicy).values({ appKey: input.appKey, ...values }).onConflictDoUpdate({ target: appPolicy.appKey, set: values });
    let affected = 0;
    if (before.announcementApproval !== input.announcementApproval) {
      const [from, to] = input.announcementApproval ? (["not-required", "pending"] as const) : (["pending", "not-required"] as const);
      const changed = await tx
        .update(scheduledItem)
        .set({ approval: to })
        .where(and(eq(scheduledItem.appKey, input.appKey), eq(scheduledItem.kind, "broadcast"), eq(scheduledItem.status, "scheduled"), eq(scheduledItem.approval, from)))
        .returning({ id: scheduledItem.id });
      affected = changed.length;
    }
    await recordAudit(tx, {
      actor: operator,
      action: "app-policy.update",
      target: app,
      outcome: "success",
      ipAddress: ipAddress ?? null,
      detail: { appKey: input.appKey, graceMinutes: input.graceMinutes, announcementApproval: input.announcementApproval, before, affectedItems: affected },
    });
    return { affectedItems: affected };
  });
}

async function appName(db: Database, key: string): Promise<string> {
  if (key === SANDBOX_APP_KEY) return "Sandbox";
  const [row] = /^[0-9a-f-]{36}$/i.test(key) ? await db.select({ name: zimApp.name, appId: zimApp.appId }).from(zimApp).where(eq(zimApp.id, key)) : [];
  if (!row) throw new OperatorError("appNotFound");
  return `${row.name} (${row.appId})`;
}
