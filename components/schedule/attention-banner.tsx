"use client";

import { useAction } from "next-safe-action/hooks";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import type { AttentionItem } from "@/lib/scheduler/items/attention";
import { markSeenAction } from "@/app/(console)/scheduled/actions";

/**
 * On every console page, for the author: their scheduled items that did not simply go out (held for want of an
 * approval, refused by a reviewer, missed, failed, outcome unknown), until they mark them as seen.
 */
export function AttentionBanner({ items }: { items: AttentionItem[] }) {
  const t = useTranslations("attention");
  const format = useFormatter();
  const router = useRouter();
  const seen = useAction(markSeenAction, { onSuccess: () => router.refresh() });
  if (items.length === 0) return null;
  return (
    <div role="status" data-testid="attention-banner" className="border-b border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50">
      <div className="mx-auto max-w-7xl space-y-2 px-4 py-3 text-sm">
        <p className="font-semibold">{t("title", { count: items.length })}</p>
        <ul className="space-y-1">
          {items.map((item) => (
            <li key={item.id}>
              <Link className="underline" href={`/scheduled/${item.id}`}>
                {t(`reason.${item.reason}`, { target: item.kind === "group" ? item.groupId ?? "" : t("allUsers"), app: item.appName, when: format.dateTime(new Date(item.dueAt), { dateStyle: "medium", timeStyle: "short" }) })}
              </Link>
              {item.reviewReason ? <span> — <q>{item.reviewReason}</q></span> : null}
            </li>
          ))}
        </ul>
        <Button variant="secondary" disabled={seen.isPending} onClick={() => seen.execute({ ids: items.map((i) => i.id) })}>{t("markSeen")}</Button>
      </div>
    </div>
  );
}
