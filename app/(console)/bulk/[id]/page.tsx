import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/shell/access-denied";
import { pageAccess } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { getBulkProgress, listBulkTargets } from "@/lib/bulk/queries";
import { getDb } from "@/lib/db";
import { isBulkId } from "../paging";
import { parseTargetFilters } from "../target-filters";
import { BulkView } from "./bulk-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("bulk"))("pageTitle") };
}

type Search = Record<string, string | string[] | undefined>;

/**
 * One bulk send at its own URL: live progress and per-group results for every operator, across reloads; those who
 * may send also pause, resume, cancel, retry and recall it. Viewers read.
 */
export default async function Page({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  const access = await pageAccess("history:read");
  if (!access.allowed) return <AccessDenied />;
  const { id } = await params;
  if (!isBulkId(id)) notFound();
  const db = await getDb();
  const progress = await getBulkProgress(db, id);
  if (!progress) notFound();
  const filters = parseTargetFilters(await searchParams);
  const targets = await listBulkTargets(db, id, filters);
  return <BulkView initial={{ progress, targets }} filters={filters} canControl={can(access.operator.role, "message:send")} />;
}
