import "server-only";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import type { Operator } from "@/lib/auth/session";
import { deriveKey } from "@/lib/crypto/keys";
import { seal } from "@/lib/crypto/secret-box";
import type { Database } from "@/lib/db";
import { zimApp } from "@/lib/db/schema";
import { OperatorError } from "@/lib/actions/operator-error";
import type { ZimAppFormValues } from "./schema";

/** The additional data bound into an app's ServerSecret ciphertext: it only opens on its own row. */
export const secretContext = (appRowId: string) => `zim-app:${appRowId}`;

/**
 * Creates or updates a ZIM app and writes its audit row in the same transaction. The ServerSecret is sealed
 * before it touches the database and never appears in the audit detail; an empty secret on edit keeps the old one.
 */
export async function saveZimApp({ db, operator, input, ipAddress }: {
  db: Database;
  operator: Operator;
  input: ZimAppFormValues;
  ipAddress: string;
}): Promise<{ id: string }> {
  const id = input.id ?? randomUUID();
  const key = deriveKey("zim-app-secret");
  const values = {
    name: input.name,
    appId: input.appId,
    baseUrl: input.baseUrl.replace(/\/+$/, ""),
    isProduction: input.isProduction,
    rateLimits: {
      ...Object.fromEntries(Object.entries(input.rateLimits).map(([action, perSecond]) => [action, { perSecond }])),
      SendMessageToAllUsers: { perSecond: input.rateLimits.SendMessageToAllUsers, perDay: input.broadcastDailyLimit },
    },
    broadcastDailyLimit: input.broadcastDailyLimit,
    recallWindowSeconds: input.recallWindowSeconds,
    testGroupId: input.testGroupId || null,
    updatedAt: new Date(),
    ...(input.serverSecret ? { serverSecretCiphertext: seal(key, input.serverSecret.toLowerCase(), secretContext(id)) } : {}),
  };

  return db.transaction(async (tx) => {
    const [clash] = await tx.select({ id: zimApp.id }).from(zimApp).where(eq(zimApp.name, input.name));
    if (clash && clash.id !== id) throw new OperatorError("appNameTaken", { name: input.name });
    if (input.id) {
      const updated = await tx.update(zimApp).set(values).where(eq(zimApp.id, id)).returning({ id: zimApp.id });
      if (updated.length === 0) throw new OperatorError("appNotFound");
    } else {
      if (!values.serverSecretCiphertext) throw new OperatorError("appSecretRequired");
      await tx.insert(zimApp).values({ id, ...values, serverSecretCiphertext: values.serverSecretCiphertext });
    }
    await recordAudit(tx, {
      actor: operator,
      action: input.id ? "zim-app.update" : "zim-app.create",
      target: `${input.name} (${input.appId})`,
      outcome: "success",
      ipAddress,
      detail: { appRowId: id, isProduction: input.isProduction, baseUrl: values.baseUrl, secretReplaced: Boolean(input.serverSecret) },
    });
    return { id };
  });
}

export async function deleteZimApp({ db, operator, id, ipAddress }: { db: Database; operator: Operator; id: string; ipAddress: string }) {
  await db.transaction(async (tx) => {
    const [removed] = await tx.delete(zimApp).where(eq(zimApp.id, id)).returning({ name: zimApp.name, appId: zimApp.appId });
    if (!removed) throw new OperatorError("appNotFound");
    await recordAudit(tx, { actor: operator, action: "zim-app.delete", target: `${removed.name} (${removed.appId})`, outcome: "success", ipAddress });
  });
}
