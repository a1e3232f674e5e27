import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/shell/access-denied";
import { pageAccess } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import { getItem } from "@/lib/scheduler/items/load";
import { listRuns } from "@/lib/scheduler/items/queries";
import { toItemView, toRunView } from "@/lib/scheduler/items/view";
import { ItemDetail } from "./item-detail";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("scheduled"))("itemPageTitle") };
}

/** One scheduled item at its own URL: what it sends, when, who wrote and reviewed it, and how each occurrence went. */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const access = await pageAccess("history:read");
  if (!access.allowed) return <AccessDenied />;
  const db = await getDb();
  const { id } = await params;
  const row = await getItem(db, id);
  if (!row) notFound();
  const runs = await listRuns(db, id);
  return <ItemDetail initial={{ item: toItemView(row), runs: runs.map(toRunView) }} canWrite={can(access.operator.role, "schedule:write")} operatorId={access.operator.id} />;
}
