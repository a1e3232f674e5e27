"use client";

import { useTranslations } from "next-intl";
import type { UseFormReturn } from "react-hook-form";
import { AppLabel } from "@/components/zim/app-label";
import { Field, Select } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { BodyValues } from "@/lib/messages/compose-form";
import type { ComposeTarget } from "@/lib/messages/targets";
import { describe, useError } from "./compose-field";

/**
 * Which ZIM app to send through; a production app turns the whole form red and says so (`productionBody` says
 * what to check twice, e.g. the group and recipients of a group message).
 */
export function AppSection({ form, targets, target, productionBody }: {
  form: UseFormReturn<BodyValues>;
  targets: ComposeTarget[];
  target?: ComposeTarget;
  productionBody?: string;
}) {
  const t = useTranslations("compose");
  const error = useError(form, "appKey");
  return (
    <div className="space-y-2">
      <Field id="c-app" label={t("app")} error={error}>
        <Select id="c-app" invalid={!!error} aria-describedby={describe("c-app", error, undefined, "c-app-env")} {...form.register("appKey")}>
          {targets.length > 1 ? <option value="">{t("chooseApp")}</option> : null}
          {targets.map((a) => (
            <option key={a.key} value={a.key}>
              {a.name} — {a.isSandbox ? t("envSandbox") : a.isProduction ? t("envProduction") : t("envStaging")} (AppID {a.appId})
            </option>
          ))}
        </Select>
      </Field>
      <div id="c-app-env" className="text-sm">
        {target ? <AppLabel name={target.name} production={target.isProduction} sandbox={target.isSandbox} /> : null}
      </div>
      {target?.isProduction ? (
        <Notice tone="error" title={t("productionTitle")}>{productionBody ?? t("productionBody", { app: target.name })}</Notice>
      ) : target?.isSandbox ? (
        <Notice tone="info">{t("sandboxBody")}</Notice>
      ) : null}
    </div>
  );
}
