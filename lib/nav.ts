import type { Permission } from "@/lib/auth/roles";

/** The console's sections, in menu order; each shows only to roles holding its permission. */
export const NAV = [
  { href: "/compose", key: "compose", permission: "history:read" },
  { href: "/announcements", key: "announcements", permission: "history:read" },
  { href: "/scheduled", key: "scheduled", permission: "history:read" },
  { href: "/bulk", key: "bulk", permission: "history:read" },
  { href: "/history", key: "history", permission: "history:read" },
  { href: "/sandbox", key: "sandbox", permission: "sandbox:read" },
  { href: "/settings", key: "settings", permission: "apps:manage" },
] as const satisfies readonly { href: string; key: string; permission: Permission }[];
