import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Browser forms import the schemas, limits and return codes; one stray server import would break the client
 * bundle (or leak a secret-handling module into it). Follows relative imports from each client-safe entry.
 */
const CLIENT_SAFE_ENTRIES = [
  "limits.ts",
  "message-types.ts",
  "utf8.ts",
  "base64.ts",
  "return-codes.ts",
  "outcome.ts",
  "responses.ts",
  "actions.ts",
  ...fs
    .readdirSync(path.join(__dirname, "schemas"))
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .map((f) => `schemas/${f}`),
];

function importsOf(file: string): string[] {
  const source = fs.readFileSync(file, "utf8");
  const pattern = /^(?:import|export)[^;]*?from\s+"([^"]+)"|^import\s+"([^"]+)"/gm;
  return [...source.matchAll(pattern)].map((m) => m[1] ?? m[2] ?? "");
}

function reachable(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const queue = [path.join(__dirname, entry)];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (graph.has(file)) continue;
    const specs = importsOf(file);
    graph.set(file, specs);
    for (const spec of specs.filter((s) => s.startsWith("."))) {
      queue.push(`${path.resolve(path.dirname(file), spec)}.ts`);
    }
  }
  return graph;
}

describe("client-safe modules", () => {
  it.each(CLIENT_SAFE_ENTRIES)("%s reaches no server-only or node: import", (entry) => {
    for (const [file, specs] of reachable(entry)) {
      const bad = specs.filter((s) => s === "server-only" || s.startsWith("node:"));
      expect(bad, path.relative(__dirname, file)).toEqual([]);
    }
  });

  it("the modules that hold the ServerSecret start with server-only", () => {
    for (const file of ["signature.ts", "request.ts", "client.ts"]) {
      expect(fs.readFileSync(path.join(__dirname, file), "utf8").startsWith('import "server-only";')).toBe(true);
    }
  });
});
