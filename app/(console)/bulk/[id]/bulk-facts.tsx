"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import { EnvironmentBadge } from "@/components/zim/environment-badge";
import type { BulkProgress } from "@/lib/bulk/types";

/** Who started the run, through which app and sender, and when it was created, started, finished and last changed. */
export function BulkFacts({ progress: p }: { progress: BulkProgress }) {
  const t = useTranslations("bulk");
  const tc = useTranslations("compose");
  const format = useFormatter();
  const when = (iso: string | null) => (iso ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "medium" }) : "—");
  const rows: [string, ReactNode][] = [
    [t("app"), (
      <span key="a" className="inline-flex items-center gap-1.5">
        <span className={p.isProduction ? "font-semibold text-red-700 dark:text-red-400" : ""}>{p.appName}</span>
        {p.isProduction ? <EnvironmentBadge production /> : null}
      </span>
    )],
    [t("sender"), <span key="s" className="font-mono">{p.fromUserId}</span>],
    [t("type"), tc(`types.${p.messageType}`)],
    [t("createdBy"), p.createdByEmail],
    [t("created"), when(p.createdAt)],
    ...(p.scheduledFor
      ? [[t("scheduled"), p.scheduledItemId
          ? <Link key="si" className="underline" href={`/scheduled/${p.scheduledItemId}`}>{when(p.scheduledFor)}</Link>
          : when(p.scheduledFor)] as [string, ReactNode]]
      : []),
    [t("started"), when(p.startedAt)],
    [t("finished"), when(p.finishedAt)],
    ...(p.controlledByEmail ? [[t("controlledBy"), p.controlledByEmail] as [string, ReactNode]] : []),
  ];
  return (
    <section aria-labelledby="b-facts" className="rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="b-facts" className="mb-3 font-semibold">{t("facts")}</h2>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-600 dark:text-slate-400">{label}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
