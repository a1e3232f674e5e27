import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { SandboxGroupView } from "@/lib/sandbox/world";

export async function GroupsTable({ groups, selected }: { groups: SandboxGroupView[]; selected?: string }) {
  const t = await getTranslations("sandbox");
  return (
    <section aria-labelledby="sandbox-groups" className="space-y-2">
      <h2 id="sandbox-groups" className="text-lg font-semibold">{t("groups")}</h2>
      <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-100 dark:bg-slate-800">
            <tr>
              <th scope="col" className="px-3 py-2">{t("groupId")}</th>
              <th scope="col" className="px-3 py-2">{t("groupName")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("members")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("lastMsgSeq")}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.GroupId} className={`border-t border-slate-200 dark:border-slate-800 ${g.GroupId === selected ? "bg-brand-50 dark:bg-slate-800" : ""}`}>
                <td className="px-3 py-2 font-mono">
                  <Link href={`/sandbox?group=${encodeURIComponent(g.GroupId)}`} aria-current={g.GroupId === selected ? "true" : undefined}
                    className="text-brand-700 underline dark:text-brand-100">
                    {g.GroupId}
                  </Link>
                </td>
                <td className="px-3 py-2">{g.GroupName}</td>
                <td className="px-3 py-2 text-right">{g.MemberCount}</td>
                <td className="px-3 py-2 text-right">{g.LastMsgSeq}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
