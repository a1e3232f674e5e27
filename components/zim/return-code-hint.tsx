import { useLocale, useTranslations } from "next-intl";
import { lookupReturnCode } from "@/lib/zim/return-codes";

/** What a ZIM return code means and what to do about it, from the catalogue, in the operator's language. */
export function ReturnCodeHint({ code }: { code: number }) {
  const t = useTranslations("sendResult");
  const entry = lookupReturnCode(code);
  const text = useLocale().startsWith("zh") ? entry.zh : entry.en;
  return (
    <div data-testid="return-code-hint" className="space-y-1 text-sm">
      <p>
        <span className="font-medium">{t("codeMeaning", { code })}</span> {text.meaning}
      </p>
      <p>
        <span className="font-medium">{t("codeAction")}</span> {text.action}
      </p>
    </div>
  );
}
