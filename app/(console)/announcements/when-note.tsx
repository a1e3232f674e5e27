"use client";

import { useTranslations } from "next-intl";
import { ScheduleSentence } from "@/components/schedule/schedule-sentence";
import type { ScheduleValues } from "@/lib/scheduler/items/schema";

/**
 * The confirmation's words for when a scheduled announcement goes out: at its time (and only if approved by then,
 * where the app asks for approval), or — "now" on such an app — as soon as a second operator approves it.
 */
export function WhenNote({ schedule, needsApproval }: { schedule: ScheduleValues; needsApproval: boolean }) {
  const t = useTranslations("announcements");
  if (schedule.mode === "now") {
    return <p data-testid="confirm-on-approval" className="mt-3 rounded-md bg-amber-50 p-3 text-sm dark:bg-amber-950">{t("onApprovalNote")}</p>;
  }
  return (
    <>
      <ScheduleSentence schedule={schedule} />
      {needsApproval ? <p data-testid="confirm-approval" className="mt-2 text-sm">{t("approvalByThen")}</p> : null}
    </>
  );
}
