import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/shell/access-denied";
import { ComingSoon } from "@/components/shell/coming-soon";
import { pageAccess } from "@/lib/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("announcements") };
}

export default async function Page() {
  const access = await pageAccess("history:read");
  if (!access.allowed) return <AccessDenied />;
  return <ComingSoon section="announcements" />;
}
