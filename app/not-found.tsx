import Link from "next/link";
import { getTranslations } from "next-intl/server";

/**
 * The console's own "not found" page. Next.js's built-in one is styled with inline style attributes, which the
 * Content-Security-Policy (proxy.ts) rightly refuses; this one uses the console's stylesheet.
 */
export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="max-w-md space-y-3 text-center">
        <h1 className="text-2xl font-bold">{t("notFoundTitle")}</h1>
        <p className="text-slate-600 dark:text-slate-400">{t("notFoundBody")}</p>
        <Link href="/" className="inline-block font-medium underline">{t("notFoundHome")}</Link>
      </div>
    </main>
  );
}
