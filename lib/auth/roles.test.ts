import { describe, expect, it } from "vitest";
import { can, isRole, PERMISSIONS, ROLES } from "./roles";

describe("access matrix", () => {
  it("gives admins every permission", () => {
    for (const p of PERMISSIONS) expect(can("admin", p)).toBe(true);
  });

  it("lets operators send and schedule but not manage apps, operators or the audit trail", () => {
    expect(can("operator", "message:send")).toBe(true);
    expect(can("operator", "schedule:write")).toBe(true);
    expect(can("operator", "apps:manage")).toBe(false);
    expect(can("operator", "operators:manage")).toBe(false);
    expect(can("operator", "audit:read")).toBe(false);
  });

  it("limits viewers to reading", () => {
    const allowed = PERMISSIONS.filter((p) => can("viewer", p));
    expect(allowed.sort()).toEqual(["history:read", "sandbox:read"]);
  });

  it.each([undefined, null, "", "root", "ADMIN", "viewer "])("denies an unknown role %j everything", (role) => {
    for (const p of PERMISSIONS) expect(can(role, p)).toBe(false);
    expect(isRole(role)).toBe(false);
  });

  it("knows exactly three roles", () => {
    expect(ROLES).toEqual(["admin", "operator", "viewer"]);
  });
});
