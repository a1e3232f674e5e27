import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import type { OpenDatabase } from "@/lib/db/open";
import { testEngines } from "@/lib/testing/engines";
import { JOB_POLLING_SECONDS, startJobEngine } from "./engine";

describe.each(await testEngines())("job engine on $name", (engine) => {
  let opened: OpenDatabase & { dispose(): Promise<void> };
  let boss: PgBoss;
  beforeAll(async () => {
    opened = await engine.open();
    boss = await startJobEngine(opened);
  });
  afterAll(async () => {
    await boss.stop({ graceful: false, wait: true });
    await opened.dispose();
  });

  it("runs a job once its start time has come, not before", async () => {
    await boss.createQueue("probe");
    const due = new Date(Date.now() + 1500);
    await boss.send("probe", { n: 1 }, { startAfter: due });
    const ran: number[] = [];
    await boss.work<{ n: number }>("probe", { pollingIntervalSeconds: JOB_POLLING_SECONDS }, async ([job]) => {
      ran.push(Date.now());
      expect(job?.data.n).toBe(1);
    });
    await expect.poll(() => ran.length, { timeout: 10_000, interval: 100 }).toBe(1);
    expect(ran[0]).toBeGreaterThanOrEqual(due.getTime() - 50);
  });
});
