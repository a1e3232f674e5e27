import { useTranslations } from "next-intl";

/** Where an item goes: a group, or every user of the app. */
export function TargetText({ kind, groupId }: { kind: "group" | "broadcast"; groupId: string | null }) {
  const t = useTranslations("scheduled");
  return kind === "group" ? <span className="font-mono">{groupId}</span> : <span className="font-medium">{t("allUsers")}</span>;
}
