"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ROLES, type Role } from "@/lib/auth/roles";
import { resetPasswordAction, setDisabledAction, setRoleAction } from "./actions";
import { CreateOperatorForm } from "./create-operator-form";

export interface OperatorRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

export function OperatorsPanel({ operators, selfId }: { operators: OperatorRow[]; selfId: string }) {
  const t = useTranslations("operators");
  const tRoles = useTranslations("roles");
  const format = useFormatter();
  const [issued, setIssued] = useState<{ email: string; oneTimePassword: string } | null>(null);
  const setRole = useAction(setRoleAction);
  const setDisabled = useAction(setDisabledAction);
  const reset = useAction(resetPasswordAction, { onSuccess: ({ data }) => data && setIssued(data) });
  const serverError = setRole.result.serverError ?? setDisabled.result.serverError ?? reset.result.serverError;

  return (
    <section className="space-y-6">
      <CreateOperatorForm onCreated={setIssued} />
      {issued ? (
        <Notice tone="success" title={t("passwordIssuedTitle", { email: issued.email })}>
          <p>{t("passwordIssuedBody")}</p>
          <p className="mt-2 font-mono text-base" data-testid="one-time-password">{issued.oneTimePassword}</p>
        </Notice>
      ) : null}
      {serverError ? <Notice tone="error">{serverError}</Notice> : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("tableCaption")}</caption>
          <thead className="bg-slate-100 dark:bg-slate-800">
            <tr>
              <th scope="col" className="px-3 py-2">{t("email")}</th>
              <th scope="col" className="px-3 py-2">{t("name")}</th>
              <th scope="col" className="px-3 py-2">{t("role")}</th>
              <th scope="col" className="px-3 py-2">{t("status")}</th>
              <th scope="col" className="px-3 py-2">{t("created")}</th>
              <th scope="col" className="px-3 py-2"><span className="sr-only">{t("actions")}</span></th>
            </tr>
          </thead>
          <tbody>
            {operators.map((op) => {
              const self = op.id === selfId;
              return (
                <tr key={op.id} className="border-t border-slate-200 dark:border-slate-800">
                  <td className="px-3 py-2">{op.email}{self ? ` (${t("you")})` : ""}</td>
                  <td className="px-3 py-2">{op.name}</td>
                  <td className="px-3 py-2">
                    <select
                      aria-label={t("roleOf", { email: op.email })}
                      value={op.role}
                      disabled={self || setRole.isPending}
                      onChange={(e) => setRole.execute({ userId: op.id, role: e.target.value as Role })}
                      className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
                    >
                      {ROLES.map((r) => <option key={r} value={r}>{tRoles(r)}</option>)}
                    </select>
                  </td>
                  <td className="px-3 py-2">
                    {op.disabled ? t("disabled") : op.mustChangePassword ? t("pendingPassword") : t("active")}
                  </td>
                  <td className="px-3 py-2">{format.dateTime(new Date(op.createdAt), { dateStyle: "medium" })}</td>
                  <td className="space-x-2 px-3 py-2 text-right whitespace-nowrap">
                    {self ? null : (
                      <>
                        <Button variant="secondary" disabled={setDisabled.isPending}
                          onClick={() => setDisabled.execute({ userId: op.id, disabled: !op.disabled })}>
                          {op.disabled ? t("enable") : t("disable")}
                        </Button>
                        <Button variant="secondary" disabled={reset.isPending}
                          onClick={() => window.confirm(t("confirmReset", { email: op.email })) && reset.execute({ userId: op.id })}>
                          {t("resetPassword")}
                        </Button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
