"use client";

import { useTranslations } from "next-intl";
import type { RunView } from "@/lib/scheduler/items/view";

type Detail = NonNullable<RunView["detail"]>;

/**
 * Why an occurrence ended as it did, from the reason the dispatcher recorded on its run. A console refusal keeps
 * its own catalog key (an app removed: "appNotFound"); a reason this page does not know is shown as recorded.
 */
export function RunReason({ detail }: { detail: Detail }) {
  const t = useTranslations("runReason");
  const tAll = useTranslations();
  return <span data-testid="run-reason" className="ml-2 text-xs">{reasonText(detail, t, tAll)}</span>;
}

type Translate = ReturnType<typeof useTranslations>;

/** Reasons whose sentence takes the run's detail as it is (graceMinutes, …); quota and approval are worded below. */
const PLAIN_REASONS = ["pastGrace", "noSender", "interrupted", "inFlightElsewhere", "lateAnswer", "rateLimited", "invalidRequest", "error"];

function reasonText(detail: Detail, t: Translate, tAll: Translate): string {
  const { reason } = detail;
  const values = Object.fromEntries(Object.entries(detail).filter(([, v]) => typeof v === "string" || typeof v === "number")) as Record<string, string | number>;
  if (reason === "quota") {
    return typeof detail.nextAllowedAt === "string" ? t("quota", { next: new Date(detail.nextAllowedAt) }) : t("quotaNone");
  }
  // Approved, but for a version since changed; or rejected after its time was taken; or never reviewed.
  if (reason === "notApproved") return t(detail.approval === "approved" ? "notApprovedOld" : detail.approval === "rejected" ? "notApprovedRejected" : "notApproved");
  if (PLAIN_REASONS.includes(reason)) return t(reason, values);
  const key = reason.includes(".") ? reason : `errors.${reason}`;
  return tAll.has(key) ? tAll(key, values) : t("other", { reason });
}
