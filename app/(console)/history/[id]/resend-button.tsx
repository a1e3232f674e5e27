"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { queryKeys } from "@/lib/query-keys";
import { resendAction } from "../actions";

/** One click sends a rate-limited or not-sent message again on the same record (safe: ZIM did nothing with it). */
export function ResendButton({ id }: { id: string }) {
  const t = useTranslations("sendResult");
  const client = useQueryClient();
  const action = useAction(resendAction, { onSettled: () => void client.invalidateQueries({ queryKey: queryKeys.messageSend(id) }) });
  return (
    <div className="space-y-1">
      <p className="text-sm font-medium">{t("safeToResend")}</p>
      <Button onClick={() => action.execute({ id })} disabled={action.isPending}>{action.isPending ? t("resending") : t("resend")}</Button>
      {action.result.serverError ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">{action.result.serverError}</p> : null}
    </div>
  );
}
