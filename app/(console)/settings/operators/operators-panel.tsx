"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
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
      <DataTable
        caption={t("tableCaption")}
        columns={[
          { label: t("email") },
          { label: t("name") },
          { label: t("role") },
          { label: t("status") },
          { label: t("created") },
          { label: t("actions"), hidden: true },
        ]}
      >
        {operators.map((op) => {
          const self = op.id === selfId;
          return (
            <Row key={op.id}>
              <Cell>{op.email}{self ? ` (${t("you")})` : ""}</Cell>
              <Cell>{op.name}</Cell>
              <Cell>
                <select
                  aria-label={t("roleOf", { email: op.email })}
                  value={op.role}
                  disabled={self || setRole.isPending}
                  onChange={(e) => setRole.execute({ userId: op.id, role: e.target.value as Role })}
                  className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
                >
                  {ROLES.map((r) => <option key={r} value={r}>{tRoles(r)}</option>)}
                </select>
              </Cell>
              <Cell>
                {op.disabled ? t("disabled") : op.mustChangePassword ? t("pendingPassword") : t("active")}
              </Cell>
              <Cell>{format.dateTime(new Date(op.createdAt), { dateStyle: "medium" })}</Cell>
              <Cell className="space-x-2 text-right whitespace-nowrap">
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
              </Cell>
            </Row>
          );
        })}
      </DataTable>
    </section>
  );
}
