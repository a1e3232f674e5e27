import type { z } from "zod";

/** The issues of a failed parse as [dotted path, message] pairs; [] when the input is valid. */
export function issuesOf(schema: z.ZodType, input: unknown): [string, string][] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => [i.path.join("."), i.message]);
}

/** The dotted paths that have an issue. */
export function pathsOf(schema: z.ZodType, input: unknown): string[] {
  return issuesOf(schema, input).map(([path]) => path);
}
