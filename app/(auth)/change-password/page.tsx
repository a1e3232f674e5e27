import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { currentOperator } from "@/lib/auth/session";
import { ChangePasswordForm } from "./change-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("changePassword"))("title") };
}

export default async function ChangePasswordPage() {
  const operator = await currentOperator();
  if (!operator) redirect("/sign-in");
  const t = await getTranslations("changePassword");
  return (
    <div className="space-y-4">
      <h2 className="text-lg font-semibold">{t("title")}</h2>
      {operator.mustChangePassword ? <Notice tone="warning">{t("required")}</Notice> : null}
      <ChangePasswordForm />
    </div>
  );
}
