import type { Operator } from "@/lib/auth/session";

/** An admin as the service verbs see one, for storage tests that call verbs directly. */
export const TEST_ADMIN: Operator = {
  id: "test-admin",
  email: "admin@storage.test",
  name: "Storage Admin",
  role: "admin",
  mustChangePassword: false,
};
