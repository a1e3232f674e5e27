import { useTranslations } from "next-intl";

/** The offline push as a phone shows it; when off, what offline receivers get instead (`off`, if given). */
export function PushPreview({ appName, push, fallback, off }: {
  appName: string;
  push?: { Enable?: number; Title?: string; Content?: string };
  fallback: string;
  off?: string;
}) {
  const t = useTranslations("messagePreview");
  if (push?.Enable !== 1) return <p className="text-sm text-slate-600 dark:text-slate-400">{off ?? t("pushOff")}</p>;
  return (
    <figure aria-label={t("pushTitle")} className="rounded-xl border border-slate-300 bg-white p-3 shadow-sm dark:border-slate-600 dark:bg-slate-900">
      <figcaption className="flex items-center justify-between text-xs text-slate-600 dark:text-slate-400">
        <span className="font-medium uppercase">{appName}</span>
        <span>{t("now")}</span>
      </figcaption>
      <p className="mt-1 text-sm font-semibold">{push.Title || <em className="font-normal opacity-60">{t("noTitle")}</em>}</p>
      <p className="text-sm">{push.Content || <em className="opacity-60">{t("noContent", { fallback: fallback.slice(0, 60) })}</em>}</p>
    </figure>
  );
}
