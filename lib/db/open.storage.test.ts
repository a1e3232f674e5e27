import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DataFolderLockedError, openPglite } from "./open";
import { testEngines } from "@/lib/testing/engines";
import { auditLog } from "./schema";

const engines = await testEngines();

describe.each(engines)("database on $name", (engine) => {
  it("applies every migration and round-trips a row", async () => {
    const opened = await engine.open();
    try {
      const [row] = await opened.db
        .insert(auditLog)
        .values({ action: "test.probe", outcome: "success", detail: { n: 1 } })
        .returning();
      expect(row?.id).toBeTypeOf("bigint");
      expect(await opened.db.$count(auditLog)).toBe(1);
    } finally {
      await opened.dispose();
    }
  });
});

describe("PGlite data folder lock", () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "console-lock-"));
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it("refuses a second opener with a clear error and reopens after close", async () => {
    const first = await openPglite(folder);
    await expect(openPglite(folder)).rejects.toBeInstanceOf(DataFolderLockedError);
    await expect(openPglite(folder)).rejects.toThrow(/already in use/);
    await first.close();
    const again = await openPglite(folder);
    await again.close();
  });
});
