"use client";

import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { resetSandboxAction } from "./actions";

export function ResetButton() {
  const t = useTranslations("sandbox");
  const { execute, isPending } = useAction(resetSandboxAction);
  return (
    <Button variant="secondary" disabled={isPending} onClick={() => window.confirm(t("confirmReset")) && execute({ confirm: true })}>
      {t("reset")}
    </Button>
  );
}
