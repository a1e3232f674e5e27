import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import type { SandboxGroupView, SandboxMemberView } from "@/lib/sandbox/world";
import { UserToggles } from "./user-toggles";

const ROLE_KEYS = { 1: "owner", 2: "admin", 3: "member" } as const;

export async function MembersTable({ group, members, selectedUser, canChange }: {
  group: SandboxGroupView;
  members: SandboxMemberView[];
  selectedUser?: string;
  canChange: boolean;
}) {
  const t = await getTranslations("sandbox");
  return (
    <section aria-labelledby="sandbox-members" className="space-y-2">
      <h2 id="sandbox-members" className="text-lg font-semibold">{t("membersOf", { groupId: group.GroupId })}</h2>
      <DataTable columns={[{ label: t("userId") }, { label: t("role") }, { label: t("state") }]}>
        {members.map((m) => (
          <Row key={m.UserId} selected={m.UserId === selectedUser}>
            <Cell className="font-mono">
              <Link className="text-brand-700 underline dark:text-brand-100"
                href={`/sandbox?group=${encodeURIComponent(group.GroupId)}&user=${encodeURIComponent(m.UserId)}`}>
                {m.UserId}
              </Link>
            </Cell>
            <Cell>{t(ROLE_KEYS[m.Role as 1 | 2 | 3] ?? "member")}</Cell>
            <Cell>
              <UserToggles userId={m.UserId} online={m.Online} pushRegistered={m.PushRegistered} canChange={canChange} />
            </Cell>
          </Row>
        ))}
      </DataTable>
    </section>
  );
}
