import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/shell/page-header";
import { pageAccess } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { getSettings, listGroups, listMembers, listUsers } from "@/lib/sandbox/world";
import { AddGroupForm } from "./add-group-form";
import { AddUserForm } from "./add-user-form";
import { CallStatsTable } from "./call-stats-table";
import { GroupsTable } from "./groups-table";
import { InboxPanel } from "./inbox-panel";
import { MembersTable } from "./members-table";
import { ResetButton } from "./reset-button";
import { SettingsForm } from "./settings-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("sandbox") };
}

type Search = Promise<{ group?: string; user?: string }>;

/** The rehearsal world at a glance: groups, who is in them and online, and what each user received. */
export default async function SandboxPage({ searchParams }: { searchParams: Search }) {
  const access = await pageAccess("sandbox:read");
  if (!access.allowed) return <AccessDenied />;
  const canChange = can(access.operator.role, "sandbox:write");
  const { group, user } = await searchParams;
  const db = await getDb();
  const [t, groups, users, settings] = await Promise.all([getTranslations("sandbox"), listGroups(db), listUsers(db), getSettings(db)]);
  const selectedGroup = groups.find((g) => g.GroupId === group) ?? groups[0];
  const members = selectedGroup ? await listMembers(db, selectedGroup.GroupId) : [];
  const selectedUser = users.find((u) => u.UserId === user);

  return (
    <div className="space-y-8">
      <PageHeader
        title={t("title")}
        description={t("description", { appId: getEnv().ZIM_SANDBOX_APP_ID })}
        actions={canChange ? <ResetButton /> : null}
      />
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[
          [t("users"), users.length],
          [t("online"), users.filter((u) => u.Online).length],
          [t("groups"), groups.length],
          [t("blockedWords"), settings.BlockedWords.length],
        ].map(([label, value]) => (
          <div key={String(label)} className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
            <dt className="text-xs text-slate-600 uppercase dark:text-slate-400">{label}</dt>
            <dd className="text-2xl font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-6 lg:grid-cols-2">
        <GroupsTable groups={groups} selected={selectedGroup?.GroupId} />
        {selectedGroup ? (
          <MembersTable group={selectedGroup} members={members} selectedUser={selectedUser?.UserId} canChange={canChange} />
        ) : null}
      </div>
      {selectedUser ? <InboxPanel userId={selectedUser.UserId} userName={selectedUser.UserName} /> : null}
      <CallStatsTable />
      {canChange ? (
        <div className="grid gap-6 lg:grid-cols-3">
          <AddUserForm />
          <AddGroupForm />
          <SettingsForm settings={{ BlockedWords: settings.BlockedWords.join("\n"), RecallWindowSeconds: settings.RecallWindowSeconds, BroadcastDailyLimit: settings.BroadcastDailyLimit }} />
        </div>
      ) : null}
    </div>
  );
}
