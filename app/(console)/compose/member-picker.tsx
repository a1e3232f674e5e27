"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import type { MemberList } from "@/lib/messages/group-directory";

const SHOWN = 200;

/** Pick recipients from the group's own member list (QueryGroupMemberList), filtered by ID or name. */
export function MemberPicker({ members, listed, sender, onAdd }: { members?: MemberList; listed: string[]; sender: string; onAdd: (ids: string[]) => void }) {
  const t = useTranslations("compose");
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState("");
  const [picked, setPicked] = useState<Set<string>>(new Set());
  if (!members || members.problem) return null;
  const q = filter.trim().toLowerCase();
  const candidates = members.members.filter((m) => m.UserId !== sender && !listed.includes(m.UserId))
    .filter((m) => !q || m.UserId.toLowerCase().includes(q) || m.UserName?.toLowerCase().includes(q));
  const toggle = (id: string) => setPicked((p) => { const n = new Set(p); if (n.has(id)) n.delete(id); else n.add(id); return n; });

  if (!open) return <Button variant="secondary" onClick={() => setOpen(true)}>{t("pickMembers", { count: members.total })}</Button>;
  return (
    <div className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <label htmlFor="c-pick-filter" className="block text-sm font-medium">{t("pickFilter")}</label>
      <Input id="c-pick-filter" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <ul className="max-h-56 space-y-1 overflow-auto" aria-label={t("pickList")}>
        {candidates.slice(0, SHOWN).map((m) => (
          <li key={m.UserId}>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={picked.has(m.UserId)} onChange={() => toggle(m.UserId)} />
              <span className="font-mono">{m.UserId}</span>
              {m.UserName ? <span className="text-slate-600 dark:text-slate-400">{m.UserName}</span> : null}
            </label>
          </li>
        ))}
      </ul>
      {candidates.length > SHOWN ? <p className="text-xs">{t("pickMore", { count: candidates.length - SHOWN })}</p> : null}
      <div className="flex gap-2">
        <Button disabled={picked.size === 0} onClick={() => { onAdd([...picked]); setPicked(new Set()); setOpen(false); }}>
          {t("pickAdd", { count: picked.size })}
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>{t("cancel")}</Button>
      </div>
    </div>
  );
}
