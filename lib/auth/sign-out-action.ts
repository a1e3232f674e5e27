"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { clientIp } from "@/lib/http/client-ip";
import { getAuth } from "./auth";
import { currentOperator } from "./session";

/** Ends the session on the server (the row is deleted, not just the cookie) and returns to sign-in. */
export async function signOut(): Promise<void> {
  const operator = await currentOperator();
  const auth = await getAuth();
  await auth.api.signOut({ headers: await headers() }).catch(() => undefined);
  if (operator) {
    await recordAudit(await getDb(), { actor: operator, action: "auth.sign-out", outcome: "success", ipAddress: await clientIp() });
  }
  redirect("/sign-in");
}
