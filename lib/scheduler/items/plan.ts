import "server-only";
import { OperatorError } from "@/lib/actions/operator-error";
import type { Database } from "@/lib/db";
import type { ResolvedTarget } from "@/lib/messages/targets";
import { getAppPolicy } from "@/lib/scheduler/policy";
import type { ApprovalState, ItemKind } from "@/lib/scheduler/status";
import type { Recurrence } from "@/lib/time/recurrence";
import { isValidTimeZone, localTimeOf, type Occurrence } from "@/lib/time/zoned-time";
import { occurrences } from "@/lib/time/recurrence";
import { checkItemRequest } from "./check-request";
import { ScheduleFieldError } from "./errors";
import { checkAnnouncementQuota } from "./quota-check";
import { resolveWhen, type ResolvedWhen } from "./when";

/** What create and edit take about the message and its time. */
export interface ItemFields {
  kind: ItemKind;
  appKey: string;
  request: Record<string, unknown>;
  audienceSize?: number | null;
  localTime: string;
  timeZone: string;
  occurrence?: Occurrence | null;
  recurrence?: Recurrence | null;
  /** An announcement "sent now" that needs approval: it goes out once approved, not at a set time. */
  sendOnApproval?: boolean;
}

export interface ItemPlan {
  kind: ItemKind;
  app: ResolvedTarget;
  wire: Record<string, unknown>;
  when: ResolvedWhen;
  approval: ApprovalState;
  sendOnApproval: boolean;
  series: Date[];
}

/**
 * Everything create and edit check before writing, in the order an operator reads the form: the message against
 * the app's limits, then the time, then the app's approval policy. The quota is checked later, under its lock.
 */
export async function planItem(db: Database, app: ResolvedTarget, fields: ItemFields, now: Date): Promise<ItemPlan> {
  const wire = checkItemRequest(fields.kind, app, fields.request);
  const policy = await getAppPolicy(db, app.key);
  const approval: ApprovalState = fields.kind === "broadcast" && policy.announcementApproval ? "pending" : "not-required";
  if (fields.sendOnApproval) {
    // "Send now" is a scheduled item only while it waits for a second operator; otherwise the sender sends it.
    if (approval !== "pending") throw new OperatorError("scheduleErrors.sendNowDirectly");
    if (!isValidTimeZone(fields.timeZone)) throw new ScheduleFieldError("timeZone", "zone", { zone: fields.timeZone });
    const when: ResolvedWhen = { dueAt: now, localTime: localTimeOf(now, fields.timeZone), timeZone: fields.timeZone, occurrence: null, recurrence: null };
    return { kind: fields.kind, app, wire, when, approval, sendOnApproval: true, series: [now] };
  }
  const when = resolveWhen(fields, now.getTime());
  return { kind: fields.kind, app, wire, when, approval, sendOnApproval: false, series: occurrences(when.dueAt, when.timeZone, when.recurrence) };
}

/**
 * D7 over the whole series, for announcements only (group messages have no daily quota). An announcement sent on
 * approval has no time yet: its quota is checked when it is approved and goes out.
 */
export async function checkPlanQuota(db: Database, plan: ItemPlan, exceptItemId?: string): Promise<void> {
  if (plan.kind !== "broadcast" || plan.sendOnApproval) return;
  await checkAnnouncementQuota(db, { appKey: plan.app.key, limit: plan.app.broadcastDailyLimit, occurrences: plan.series, exceptItemId });
}
