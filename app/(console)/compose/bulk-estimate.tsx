"use client";

import { useTranslations } from "next-intl";
import { estimateSeconds } from "@/lib/bulk/group-list";
import { useDuration } from "../bulk/use-duration";

/** How long a send to `count` groups takes at the app's SendGroupMessage limit (the runner never goes faster). */
export function BulkEstimate({ count, perSecond, testId = "confirm-estimate", className = "mt-3 text-sm" }: {
  count: number;
  perSecond: number;
  testId?: string;
  className?: string;
}) {
  const t = useTranslations("bulkCompose");
  const duration = useDuration();
  return (
    <p data-testid={testId} className={className}>
      {t("estimate", { duration: duration(estimateSeconds(count, perSecond)), rate: perSecond })}
    </p>
  );
}
