import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/shell/access-denied";
import { pageAccess } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import { getSend } from "@/lib/messages/queries";
import { toSendView } from "@/lib/messages/view";
import { listSendTargets } from "@/lib/zim-apps/resolve";
import { ResultView } from "./result-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sendResult"))("pageTitle") };
}

/** One send's result at its own URL: it survives a reload and is shared by link; any role may read it. */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const access = await pageAccess("history:read");
  if (!access.allowed) return <AccessDenied />;
  const row = await getSend(await getDb(), (await params).id);
  if (!row) notFound();
  const app = (await listSendTargets()).find((a) => a.key === row.appKey);
  return <ResultView initial={toSendView(row)} recallWindowSeconds={app?.recallWindowSeconds ?? null} canSend={can(access.operator.role, "message:send")} />;
}
