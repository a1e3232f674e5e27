"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { GroupList, MemberList } from "@/lib/messages/group-directory";
import { queryKeys } from "@/lib/query-keys";
import { forbiddenIdChars } from "@/lib/zim/schemas/id";
import { utf8ByteLength } from "@/lib/zim/utf8";

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) throw new Error(String(response.status));
  return (await response.json()) as T;
}

const looksLikeId = (id: string) => id !== "" && forbiddenIdChars(id).length === 0 && utf8ByteLength(id) <= 32;

/** The value once it stopped changing for `ms`: lookups wait until the operator paused typing. */
export function useSettled<T>(value: T, ms = 400): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The app's groups for the picker; the server caches QueryAppGroupList (1 call/s) for a minute. */
export function useAppGroups(appKey: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.appGroups(appKey),
    queryFn: () => getJson<GroupList>(`/api/messages/groups?app=${encodeURIComponent(appKey)}`),
    enabled: enabled && appKey !== "",
    staleTime: 60_000,
    retry: false,
  });
}

/** A group's members (audience size, member picker, "not a member" warnings). */
export function useGroupMembers(appKey: string, groupId: string) {
  const group = useSettled(groupId.trim());
  return useQuery({
    queryKey: queryKeys.groupMembers(appKey, group),
    queryFn: () => getJson<MemberList>(`/api/messages/members?app=${encodeURIComponent(appKey)}&group=${encodeURIComponent(group)}`),
    enabled: appKey !== "" && looksLikeId(group),
    staleTime: 15_000,
    retry: false,
  });
}
