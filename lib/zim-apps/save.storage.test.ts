import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { deriveKey } from "@/lib/crypto/keys";
import { open } from "@/lib/crypto/secret-box";
import { auditLog, zimApp } from "@/lib/db/schema";
import type { OpenDatabase } from "@/lib/db/open";
import { testEngines } from "@/lib/testing/engines";
import { TEST_ADMIN } from "@/lib/testing/operator";
import { DEFAULT_RATE_LIMITS } from "./defaults";
import { zimAppFormSchema, type ZimAppFormInput } from "./schema";
import { deleteZimApp, saveZimApp, secretContext } from "./save";

process.env.CONSOLE_SECRET_KEY ??= "11".repeat(32);

const SECRET = "9193cc662a4c0ec135ec71fb57194b38";

function form(overrides: Partial<ZimAppFormInput> = {}) {
  return zimAppFormSchema.parse({
    name: "Production",
    appId: 12345,
    serverSecret: SECRET,
    baseUrl: "https://zim-api.zego.im/",
    isProduction: true,
    rateLimits: Object.fromEntries(Object.entries(DEFAULT_RATE_LIMITS).map(([a, l]) => [a, l.perSecond])),
    broadcastDailyLimit: 100,
    recallWindowSeconds: 120,
    testGroupId: "",
    ...overrides,
  });
}

describe.each(await testEngines())("ZIM apps on $name", (engine) => {
  let opened: OpenDatabase & { dispose(): Promise<void> };
  beforeAll(async () => {
    opened = await engine.open();
  });
  afterAll(() => opened.dispose());

  it("stores the ServerSecret sealed to its row and audits without it", async () => {
    const { db } = opened;
    const { id } = await saveZimApp({ db, operator: TEST_ADMIN, input: form(), ipAddress: "127.0.0.1" });
    const [row] = await db.select().from(zimApp).where(eq(zimApp.id, id));
    expect(row?.serverSecretCiphertext).not.toContain(SECRET);
    expect(open(deriveKey("zim-app-secret"), row!.serverSecretCiphertext, secretContext(id))).toBe(SECRET);
    expect(row?.baseUrl).toBe("https://zim-api.zego.im");
    expect(row?.rateLimits.SendMessageToAllUsers).toEqual({ perSecond: 1, perDay: 100 });

    const audit = await db.select().from(auditLog).where(eq(auditLog.action, "zim-app.create"));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify({ ...audit[0], id: String(audit[0]?.id) })).not.toContain(SECRET);
    expect(audit[0]).toMatchObject({ actorEmail: TEST_ADMIN.email, outcome: "success", target: "Production (12345)" });
  });

  it("keeps the stored secret when an edit leaves it empty, and refuses a duplicate name", async () => {
    const { db } = opened;
    const { id } = await saveZimApp({ db, operator: TEST_ADMIN, input: form({ name: "Staging", isProduction: false }), ipAddress: "127.0.0.1" });
    const [before] = await db.select().from(zimApp).where(eq(zimApp.id, id));
    await saveZimApp({ db, operator: TEST_ADMIN, input: form({ id, name: "Staging 2", serverSecret: "", isProduction: false }), ipAddress: "127.0.0.1" });
    const [after] = await db.select().from(zimApp).where(eq(zimApp.id, id));
    expect(after?.name).toBe("Staging 2");
    expect(after?.serverSecretCiphertext).toBe(before?.serverSecretCiphertext);

    const appsBefore = await db.$count(zimApp);
    await expect(saveZimApp({ db, operator: TEST_ADMIN, input: form({ name: "Staging 2" }), ipAddress: "x" })).rejects.toMatchObject({ key: "appNameTaken" });
    expect(await db.$count(zimApp)).toBe(appsBefore);
    expect(await db.$count(auditLog, eq(auditLog.action, "zim-app.update"))).toBe(1);
  });

  it("deletes an app with its audit row, and reports a missing one", async () => {
    const { db } = opened;
    const { id } = await saveZimApp({ db, operator: TEST_ADMIN, input: form({ name: "Doomed" }), ipAddress: "127.0.0.1" });
    await deleteZimApp({ db, operator: TEST_ADMIN, id, ipAddress: "127.0.0.1" });
    expect(await db.$count(zimApp, eq(zimApp.id, id))).toBe(0);
    await expect(deleteZimApp({ db, operator: TEST_ADMIN, id, ipAddress: "127.0.0.1" })).rejects.toMatchObject({ key: "appNotFound" });
    expect(await db.$count(auditLog, eq(auditLog.action, "zim-app.delete"))).toBe(1);
  });
});

describe("ZIM app form schema", () => {
  it.each([
    [{ serverSecret: "" }, "serverSecret", "required"],
    [{ serverSecret: "xyz" }, "serverSecret", "serverSecretFormat"],
    [{ baseUrl: "http://zim-api.zego.im" }, "baseUrl", "baseUrlHttps"],
    [{ appId: 0 }, "appId", "appIdRange"],
    [{ recallWindowSeconds: 86_401 }, "recallWindowSeconds", "recallWindowRange"],
    [{ name: " " }, "name", "required"],
  ])("refuses %o on %s", (overrides, field, message) => {
    const result = zimAppFormSchema.safeParse({ ...form(), id: undefined, ...overrides });
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((i) => i.path[0] === field)?.message).toBe(message);
  });
});
