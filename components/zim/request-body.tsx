"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** The exact request body (it never contains a secret: those travel only in the signed query string), copyable. */
export function RequestBody({ body, title }: { body: unknown; title: string }) {
  const t = useTranslations("messagePreview");
  const [copied, setCopied] = useState(false);
  const text = JSON.stringify(body, null, 2);
  return (
    <section aria-label={title} className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">{title}</h3>
        <Button variant="secondary" className="px-2 py-1 text-xs" onClick={() => {
          void navigator.clipboard?.writeText(text).then(() => setCopied(true), () => setCopied(false));
        }}>
          {copied ? t("copied") : t("copy")}
        </Button>
      </div>
      <pre tabIndex={0} className="max-h-80 overflow-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100" data-testid="request-body">{text}</pre>
    </section>
  );
}
