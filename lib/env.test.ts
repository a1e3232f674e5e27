import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe("parseEnv", () => {
  it("fills the embedded defaults", () => {
    const env = parseEnv({});
    expect(env.DATA_DIR).toBe("./data");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.ZIM_SANDBOX_APP_ID).toBe(1000001);
    expect(env.CONSOLE_URL).toBe("http://localhost:3000");
    expect(env.DISPATCHER).toBe("on");
    expect(env.DISPATCH_LEASE_MS).toBe(30_000);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", CONSOLE_SECRET_KEY: " " }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ CONSOLE_URL: "ftp://host" }, "CONSOLE_URL"],
    [{ CONSOLE_SECRET_KEY: "short" }, "CONSOLE_SECRET_KEY"],
    [{ ZIM_SANDBOX_PORT: "70000" }, "ZIM_SANDBOX_PORT"],
    [{ ZIM_SANDBOX_APP_ID: "abc" }, "ZIM_SANDBOX_APP_ID"],
    [{ ZIM_SANDBOX_SERVER_SECRET: "NOT-HEX" }, "ZIM_SANDBOX_SERVER_SECRET"],
    [{ CONSOLE_ADMIN_EMAIL: "not-an-email", CONSOLE_ADMIN_PASSWORD: "long-enough-password" }, "CONSOLE_ADMIN_EMAIL"],
    [{ CONSOLE_ADMIN_EMAIL: "a@b.co", CONSOLE_ADMIN_PASSWORD: "short" }, "CONSOLE_ADMIN_PASSWORD"],
    [{ CONSOLE_ADMIN_EMAIL: "a@b.co" }, "CONSOLE_ADMIN_PASSWORD"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ DISPATCHER: "maybe" }, "DISPATCHER"],
    [{ DISPATCH_LEASE_MS: "500" }, "DISPATCH_LEASE_MS"],
    [{ DATABASE_URL: "postgres://db/console" }, "CONSOLE_SECRET_KEY"],
  ])("names the bad variable in %o", (source, name) => {
    const problems = problemsOf(source);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join("\n")).toContain(name);
  });

  it("accepts a hex and a base64 secret key", () => {
    expect(() => parseEnv({ CONSOLE_SECRET_KEY: "ab".repeat(32) })).not.toThrow();
    expect(() => parseEnv({ CONSOLE_SECRET_KEY: Buffer.alloc(32, 7).toString("base64") })).not.toThrow();
  });
});
