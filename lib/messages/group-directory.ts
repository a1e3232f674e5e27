import "server-only";
import { log } from "@/lib/log/logger";
import { QUERY_APP_GROUP_LIST_MAX_LIMIT, QUERY_GROUP_MEMBER_LIST_MAX_LIMIT } from "@/lib/zim/limits";
import type { ZimOutcome } from "@/lib/zim/outcome";
import { consoleApps, type AppAccess, type ResolvedTarget } from "./targets";

/** A lookup that failed, for the browser: a ZIM return code (explained from the catalogue) or a kind of failure. */
export interface LookupProblem {
  code?: number;
  kind: string;
}

export interface GroupList {
  groups: { GroupId: string; GroupName?: string }[];
  total: number;
  truncated: boolean;
  problem?: LookupProblem;
}

export interface MemberList {
  members: { UserId: string; UserName?: string; Role?: number }[];
  total: number;
  truncated: boolean;
  problem?: LookupProblem;
}

const GROUPS_TTL_MS = 60_000;
const MEMBERS_TTL_MS = 15_000;
const MAX_MEMBER_PAGES = 10;

type Entry<T> = { at: number; value: Promise<T> };
const holder = globalThis as typeof globalThis & { __messageLookups?: Map<string, Entry<unknown>> };
const cache = (holder.__messageLookups ??= new Map());

/** One call per key at a time, reused for `ttl` (and kept shorter when it failed, so a retry comes soon). */
function cached<T extends { problem?: LookupProblem }>(key: string, ttl: number, load: () => Promise<T>): Promise<T> {
  const hit = cache.get(key) as Entry<T> | undefined;
  if (hit && Date.now() - hit.at < ttl) return hit.value;
  const value = load();
  cache.set(key, { at: Date.now(), value });
  void value.then((v) => {
    if (v.problem) cache.set(key, { at: Date.now() - ttl + 1_100, value });
  });
  return value;
}

/** An app as the cache knows it: a changed AppId or address is another app. */
const cacheKey = (app: ResolvedTarget) => `${app.key}:${app.appId}:${app.baseUrl}`;

/** The browser learns the code or the kind; the technical detail goes to the log only. */
function problemOf(outcome: ZimOutcome): LookupProblem {
  if (outcome.kind === "rejected" || outcome.kind === "rate-limited") return { code: outcome.code, kind: outcome.kind };
  if (outcome.kind !== "accepted") log.warn("group lookup failed", { action: outcome.action, kind: outcome.kind, reason: outcome.reason, detail: outcome.detail });
  return { kind: outcome.kind };
}

/**
 * The app's groups for the picker (QueryAppGroupList: 1 call/s, data up to a minute old). One page of up to
 * 10,000 groups, cached for a minute per app and shared by every operator, so the picker never trips the limit.
 */
export async function listAppGroups(appKey: string, apps: AppAccess = consoleApps): Promise<GroupList> {
  const app = await apps.resolve(appKey);
  return cached(`groups:${cacheKey(app)}`, GROUPS_TTL_MS, async () => {
    const outcome = await apps.client(app).queryAppGroupList({ Limit: QUERY_APP_GROUP_LIST_MAX_LIMIT, Next: 0 });
    if (outcome.kind !== "accepted") return { groups: [], total: 0, truncated: false, problem: problemOf(outcome) };
    const r = outcome.response;
    const groups = r.GroupIdList.map((g) => ({ GroupId: g.GroupId, GroupName: g.GroupName }));
    return { groups, total: r.TotalCount, truncated: r.Next !== 0 };
  });
}

/** A group's members (QueryGroupMemberList, 20/s), up to 10,000, cached briefly: the audience of a send. */
export async function listGroupMembers(appKey: string, groupId: string, apps: AppAccess = consoleApps): Promise<MemberList> {
  const app = await apps.resolve(appKey);
  return cached(`members:${cacheKey(app)}:${groupId}`, MEMBERS_TTL_MS, async () => {
    const client = apps.client(app);
    const members: MemberList["members"] = [];
    let next = 0;
    let total = 0;
    for (let page = 0; page < MAX_MEMBER_PAGES; page++) {
      const outcome = await client.queryGroupMemberList({ GroupId: groupId, Limit: QUERY_GROUP_MEMBER_LIST_MAX_LIMIT, Next: next });
      if (outcome.kind !== "accepted") return { members, total, truncated: false, problem: problemOf(outcome) };
      const r = outcome.response;
      total = r.TotalCount;
      members.push(...r.MemberList.map((m) => ({ UserId: m.UserId, UserName: m.UserName, Role: m.Role })));
      next = r.Next;
      if (next === 0) return { members, total: Math.max(total, members.length), truncated: false };
    }
    return { members, total: Math.max(total, members.length), truncated: true };
  });
}
