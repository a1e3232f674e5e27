import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/shell/page-header";
import { pageAccess } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { listBulkSends } from "@/lib/bulk/queries";
import { getDb } from "@/lib/db";
import { BulkList } from "./bulk-list";
import { BULK_LIST_PAGE, isBulkId } from "./paging";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("bulk") };
}

/** Every bulk send by any operator, newest first, with its live counts; any role may read it. */
export default async function Page({ searchParams }: { searchParams: Promise<{ before?: string | string[] }> }) {
  const access = await pageAccess("history:read");
  if (!access.allowed) return <AccessDenied />;
  const t = await getTranslations("bulk");
  const asked = (await searchParams).before;
  const before = typeof asked === "string" && isBulkId(asked) ? asked : undefined;
  const sends = await listBulkSends(await getDb(), { limit: BULK_LIST_PAGE, before });
  const actions = can(access.operator.role, "message:send")
    ? <Link className="text-sm font-medium underline" href="/compose?to=many">{t("new")}</Link>
    : undefined;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={actions} />
      <BulkList initial={sends} before={before ?? ""} />
    </>
  );
}
