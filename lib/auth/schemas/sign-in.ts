import { z } from "zod";

/** Shared by the sign-in form (browser) and its server action. Messages are catalog keys under "validation". */
export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("email")),
  password: z.string().min(1, "required").max(128, "tooLong"),
  next: z.string().optional(),
});

export type SignInInput = z.input<typeof signInSchema>;
