import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import type { SandboxGroupView } from "@/lib/sandbox/world";

export async function GroupsTable({ groups, selected }: { groups: SandboxGroupView[]; selected?: string }) {
  const t = await getTranslations("sandbox");
  return (
    <section aria-labelledby="sandbox-groups" className="space-y-2">
      <h2 id="sandbox-groups" className="text-lg font-semibold">{t("groups")}</h2>
      <DataTable
        columns={[
          { label: t("groupId") },
          { label: t("groupName") },
          { label: t("members"), align: "right" },
          { label: t("lastMsgSeq"), align: "right" },
        ]}
      >
        {groups.map((g) => (
          <Row key={g.GroupId} selected={g.GroupId === selected}>
            <Cell className="font-mono">
              <Link href={`/sandbox?group=${encodeURIComponent(g.GroupId)}`} aria-current={g.GroupId === selected ? "true" : undefined}
                className="text-brand-700 underline dark:text-brand-100">
                {g.GroupId}
              </Link>
            </Cell>
            <Cell>{g.GroupName}</Cell>
            <Cell className="text-right">{g.MemberCount}</Cell>
            <Cell className="text-right">{g.LastMsgSeq}</Cell>
          </Row>
        ))}
      </DataTable>
    </section>
  );
}
