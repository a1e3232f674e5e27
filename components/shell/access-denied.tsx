import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";

export async function AccessDenied() {
  const t = await getTranslations("errors");
  return (
    <div data-testid="access-denied" className="mx-auto max-w-xl">
      <Notice tone="warning" title={t("forbiddenTitle")}>
        {t("forbiddenPage")}
      </Notice>
    </div>
  );
}
