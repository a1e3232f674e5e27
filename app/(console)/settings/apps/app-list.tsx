"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { EnvironmentBadge } from "@/components/zim/environment-badge";
import { deleteZimAppAction } from "./actions";
import { AppForm, type AppRow } from "./app-form";

export function AppList({ apps }: { apps: AppRow[] }) {
  const t = useTranslations("apps");
  const [editing, setEditing] = useState<string | null>(null);
  const remove = useAction(deleteZimAppAction);

  return (
    <section className="space-y-4" aria-labelledby="apps-heading">
      <div className="flex items-center justify-between">
        <h2 id="apps-heading" className="text-lg font-semibold">{t("heading")}</h2>
        {editing === null ? <Button onClick={() => setEditing("new")}>{t("add")}</Button> : null}
      </div>
      {apps.length === 0 ? <Notice>{t("empty")}</Notice> : null}
      {remove.result.serverError ? <Notice tone="error">{remove.result.serverError}</Notice> : null}
      {editing === "new" ? <AppForm onDone={() => setEditing(null)} /> : null}
      <ul className="space-y-3">
        {apps.map((app) =>
          editing === app.id ? (
            <li key={app.id}>
              <AppForm app={app} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <li key={app.id} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
              <div>
                <p className="flex items-center gap-2 font-medium">
                  {app.name} <EnvironmentBadge production={app.isProduction} />
                </p>
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  AppId {app.appId} · {app.baseUrl} · {t("secretSet")}
                </p>
              </div>
              <div className="flex gap-2">
                <Button variant="secondary" onClick={() => setEditing(app.id)}>{t("edit")}</Button>
                <Button
                  variant="danger"
                  disabled={remove.isPending}
                  onClick={() => {
                    if (window.confirm(t("confirmDelete", { name: app.name }))) remove.execute({ id: app.id });
                  }}
                >
                  {t("delete")}
                </Button>
              </div>
            </li>
          ),
        )}
      </ul>
    </section>
  );
}
