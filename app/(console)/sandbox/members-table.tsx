import Link from "next/link";
import { getTranslations } from "next-intl/server";
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
      <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-100 dark:bg-slate-800">
            <tr>
              <th scope="col" className="px-3 py-2">{t("userId")}</th>
              <th scope="col" className="px-3 py-2">{t("role")}</th>
              <th scope="col" className="px-3 py-2">{t("state")}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.UserId} className={`border-t border-slate-200 dark:border-slate-800 ${m.UserId === selectedUser ? "bg-brand-50 dark:bg-slate-800" : ""}`}>
                <td className="px-3 py-2 font-mono">
                  <Link className="text-brand-700 underline dark:text-brand-100"
                    href={`/sandbox?group=${encodeURIComponent(group.GroupId)}&user=${encodeURIComponent(m.UserId)}`}>
                    {m.UserId}
                  </Link>
                </td>
                <td className="px-3 py-2">{t(ROLE_KEYS[m.Role as 1 | 2 | 3] ?? "member")}</td>
                <td className="px-3 py-2">
                  <UserToggles userId={m.UserId} online={m.Online} pushRegistered={m.PushRegistered} canChange={canChange} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
