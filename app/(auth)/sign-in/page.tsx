import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { currentOperator } from "@/lib/auth/session";
import { safeNextPath } from "@/lib/http/safe-next";
import { firstAdminPending } from "@/lib/operators/queries";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; reason?: string }> }) {
  const { next, reason } = await searchParams;
  if (await currentOperator()) redirect(safeNextPath(next));
  const t = await getTranslations("signIn");
  const pending = await firstAdminPending();
  return (
    <div className="space-y-4">
      <h2 className="text-lg font-semibold">{t("title")}</h2>
      {reason === "expired" ? <Notice tone="warning">{t("expired")}</Notice> : null}
      {pending ? <Notice title={t("firstStartTitle")}>{t("firstStartBody", { email: pending })}</Notice> : null}
      <SignInForm next={next} />
    </div>
  );
}
