"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useAction } from "next-safe-action/hooks";
import type { UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { OutcomeBadge } from "@/components/zim/outcome-badge";
import type { ComposeValues } from "@/lib/messages/compose-form";
import type { SendActionInput } from "@/lib/messages/send-input";
import type { ComposeTarget } from "@/lib/messages/targets";
import { testSendAction } from "./actions";

/** "Test send": the composed message to the app's test group first, with its outcome and a link to its record. */
export function TestSend({ form, target, input }: { form: UseFormReturn<ComposeValues>; target?: ComposeTarget; input: SendActionInput }) {
  const t = useTranslations("compose");
  const action = useAction(testSendAction);
  const group = target?.testGroupId;
  const data = action.result.data;
  return (
    <div className="space-y-2">
      <Button variant="secondary" disabled={!group || action.isPending}
        onClick={() => void form.handleSubmit(() => action.executeAsync(input))()}>
        {group ? t("testSend", { group }) : t("testSendNone")}
      </Button>
      {!group && target ? <p className="text-xs text-slate-600 dark:text-slate-400">{t("testSendHint")}</p> : null}
      <div aria-live="polite" className="text-sm">
        {data ? (
          <p data-testid="test-result" className="flex flex-wrap items-center gap-2">
            {t("testSent", { group: group ?? "" })} <OutcomeBadge status={data.status} />
            <Link className="underline" href={`/history/${data.id}`}>{t("testOpen")}</Link>
          </p>
        ) : null}
        {action.result.serverError ? <p role="alert" className="text-red-700 dark:text-red-400">{action.result.serverError}</p> : null}
      </div>
    </div>
  );
}
