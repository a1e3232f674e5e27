import { z } from "zod";

/**
 * A non-negative integer from a JSON body (number) or a GET query (digits). Anything else, "1.5" or "abc"
 * included, fails as 660000002.
 */
export const uintParam = z.union([
  z.number().int().nonnegative(),
  z
    .string()
    .regex(/^\d{1,15}$/)
    .transform(Number),
]);
