"use client";

import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { setUserFlagsAction } from "./actions";

/** Online and push state of a sandbox user, switchable in place so an operator can rehearse offline delivery. */
export function UserToggles({ userId, online, pushRegistered, canChange }: {
  userId: string;
  online: boolean;
  pushRegistered: boolean;
  canChange: boolean;
}) {
  const t = useTranslations("sandbox");
  const { execute, isPending } = useAction(setUserFlagsAction);
  const chip = (on: boolean, onLabel: string, offLabel: string, flag: "Online" | "PushRegistered") => {
    const className = `rounded-full px-2 py-0.5 text-xs font-medium ${on ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-50" : "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100"}`;
    if (!canChange) return <span className={className}>{on ? onLabel : offLabel}</span>;
    return (
      <button type="button" disabled={isPending} className={className} aria-pressed={on}
        aria-label={t(flag === "Online" ? "toggleOnline" : "togglePush", { userId })}
        onClick={() => execute({ UserId: userId, [flag]: !on })}>
        {on ? onLabel : offLabel}
      </button>
    );
  };
  return (
    <span className="inline-flex gap-2">
      {chip(online, t("isOnline"), t("isOffline"), "Online")}
      {chip(pushRegistered, t("hasPush"), t("noPush"), "PushRegistered")}
    </span>
  );
}
