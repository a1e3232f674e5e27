import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/shell/access-denied";
import { pageAccess } from "@/lib/auth/guard";
import { listZimApps } from "@/lib/zim-apps/queries";
import { AppList } from "./app-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("apps") };
}

export default async function AppsPage() {
  const access = await pageAccess("apps:manage");
  if (!access.allowed) return <AccessDenied />;
  const apps = await listZimApps();
  return <AppList apps={apps.map((a) => ({ ...a, updatedAt: a.updatedAt.toISOString() }))} />;
}
