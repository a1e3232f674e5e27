import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en/scheduled.json";
import zh from "@/messages/zh-CN/scheduled.json";

/** Every reason the dispatcher writes on a run (`reason: "…"` in lib/scheduler), read from its source. */
function recordedReasons(): string[] {
  const dir = path.join(process.cwd(), "lib/scheduler");
  const found = new Set<string>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
    for (const match of fs.readFileSync(path.join(dir, file), "utf8").matchAll(/reason: "([A-Za-z]+)"/g)) found.add(match[1]!);
  }
  return [...found].sort();
}

describe("run reasons on the Scheduled item page", () => {
  it("finds the reasons the dispatcher records", () => {
    expect(recordedReasons()).toEqual(expect.arrayContaining(["interrupted", "noSender", "notApproved", "pastGrace", "quota"]));
  });

  it.each([["en", en.runReason], ["zh-CN", zh.runReason]] as const)("has a sentence for each of them in %s", (_, catalog) => {
    const missing = recordedReasons().filter((r) => !(r in catalog));
    expect(missing).toEqual([]);
  });
});
