"use client";

import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { signOut } from "@/lib/auth/sign-out-action";

export function SignOutButton() {
  const t = useTranslations("shell");
  const [pending, startTransition] = useTransition();
  return (
    <Button variant="ghost" disabled={pending} onClick={() => startTransition(() => signOut())}>
      {t("signOut")}
    </Button>
  );
}
