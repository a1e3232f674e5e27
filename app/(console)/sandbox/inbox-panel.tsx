"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { Notice } from "@/components/ui/notice";
import { queryKeys } from "@/lib/query-keys";
import type { SandboxInboxEntry } from "@/lib/sandbox/world";

async function fetchInbox(userId: string): Promise<SandboxInboxEntry[]> {
  const response = await fetch(`/zim-sandbox/_sandbox/inbox?UserId=${encodeURIComponent(userId)}`, { cache: "no-store" });
  if (!response.ok) throw new Error(String(response.status));
  return ((await response.json()) as { Messages: SandboxInboxEntry[] }).Messages;
}

function preview(entry: SandboxInboxEntry): string {
  const body = entry.MessageBody as { Message?: unknown; Title?: unknown; Content?: unknown };
  const text = typeof body.Message === "string" ? body.Message : [body.Title, body.Content].filter((v) => typeof v === "string").join(" — ");
  return text.length > 140 ? `${text.slice(0, 140)}…` : text;
}

/** What one sandbox user received, newest first, refreshed every few seconds while the page is open. */
export function InboxPanel({ userId, userName }: { userId: string; userName: string }) {
  const t = useTranslations("sandbox");
  const format = useFormatter();
  const inbox = useQuery({ queryKey: queryKeys.sandboxInbox(userId), queryFn: () => fetchInbox(userId), refetchInterval: 3_000 });

  return (
    <section aria-labelledby="sandbox-inbox" className="space-y-2">
      <h2 id="sandbox-inbox" className="text-lg font-semibold">{t("inboxOf", { userId, userName })}</h2>
      {inbox.isError ? <Notice tone="error">{t("inboxError")}</Notice> : null}
      {inbox.data?.length === 0 ? <Notice>{t("inboxEmpty")}</Notice> : null}
      <ol className="space-y-2" data-testid="sandbox-inbox">
        {inbox.data?.map((m) => (
          <li key={m.Id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm dark:border-slate-800 dark:bg-slate-900">
            <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
              <span className="rounded bg-slate-200 px-1.5 py-0.5 font-medium text-slate-800 dark:bg-slate-700 dark:text-slate-100">{t(`kind.${m.Kind}`)}</span>
              {m.GroupId ? <span className="font-mono">{m.GroupId}</span> : null}
              {m.MsgSeq !== null ? <span>{t("msgSeq", { seq: m.MsgSeq })}</span> : null}
              <span>{t("from", { userId: m.FromUserId })}</span>
              <time dateTime={m.ReceivedAt}>{format.dateTime(new Date(m.ReceivedAt), { dateStyle: "short", timeStyle: "medium" })}</time>
              {m.Unread ? <span className="font-semibold text-brand-700 dark:text-brand-100">{t("unread")}</span> : null}
              {m.Targeted ? <span>{t("targeted")}</span> : null}
              {!m.Delivered ? <span>{t("waiting")}</span> : null}
              {m.Recalled ? <span className="font-semibold text-red-700 dark:text-red-400">{t("recalled")}</span> : null}
            </div>
            <p className={`mt-1 break-words ${m.Recalled ? "line-through opacity-70" : ""}`}>{preview(m) || t("typeOnly", { type: m.MessageType })}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
