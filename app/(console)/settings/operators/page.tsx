import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/shell/access-denied";
import { pageAccess } from "@/lib/auth/guard";
import { isRole } from "@/lib/auth/roles";
import { listOperators } from "@/lib/operators/queries";
import { OperatorsPanel } from "./operators-panel";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("operators") };
}

export default async function OperatorsPage() {
  const access = await pageAccess("operators:manage");
  if (!access.allowed) return <AccessDenied />;
  const rows = await listOperators();
  return (
    <OperatorsPanel
      selfId={access.operator.id}
      operators={rows.map((r) => ({
        id: r.id,
        email: r.email,
        name: r.name,
        role: isRole(r.role) ? r.role : "viewer",
        disabled: Boolean(r.disabled),
        mustChangePassword: r.mustChangePassword,
        createdAt: r.createdAt.toISOString(),
      }))}
    />
  );
}
