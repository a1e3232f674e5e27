import { useTranslations } from "next-intl";
import type { ItemKind } from "@/lib/scheduler/status";

/** Where an item goes: a group, every user of the app, or the groups of a bulk send (`groups` of them). */
export function TargetText({ kind, groupId, groups }: { kind: ItemKind; groupId: string | null; groups?: number | null }) {
  const t = useTranslations("scheduled");
  if (kind === "bulk") return <span className="font-medium">{t("bulkGroups", { count: groups ?? 0 })}</span>;
  return kind === "group" ? <span className="font-mono">{groupId}</span> : <span className="font-medium">{t("allUsers")}</span>;
}
