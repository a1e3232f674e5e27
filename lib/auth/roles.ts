/**
 * The access matrix in one table: which console role may do what. Pages, server actions and route handlers
 * all ask `can(role, permission)`; nothing else decides access. No server imports: the shell uses it for nav.
 */
export const ROLES = ["admin", "operator", "viewer"] as const;
export type Role = (typeof ROLES)[number];

const MATRIX = {
  "history:read": ["admin", "operator", "viewer"],
  "sandbox:read": ["admin", "operator", "viewer"],
  "message:send": ["admin", "operator"],
  "schedule:write": ["admin", "operator"],
  "sandbox:write": ["admin", "operator"],
  "apps:manage": ["admin"],
  "operators:manage": ["admin"],
  "audit:read": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof MATRIX;

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function can(role: string | null | undefined, permission: Permission): boolean {
  return isRole(role) && (MATRIX[permission] as readonly Role[]).includes(role);
}

export const PERMISSIONS = Object.keys(MATRIX) as Permission[];
