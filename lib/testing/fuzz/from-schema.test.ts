import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createOperatorSchema } from "@/lib/operators/schema";
import { sendIdSchema } from "@/lib/messages/send-input";
import { appPolicySchema } from "@/lib/scheduler/policy-schema";
import { valuesOf } from "./from-schema";

describe("values built from a zod schema", () => {
  it("are accepted by a schema without refinements, bounds included", () => {
    const schema = z.object({
      name: z.string().min(2).max(5),
      count: z.int().min(1).max(7).optional(),
      kind: z.enum(["a", "b"]),
      on: z.literal(true),
      ids: z.array(z.uuid()).min(1).max(3),
      key: z.string().regex(/^[A-Z]{3}-\d{2}$/),
      pick: z.discriminatedUnion("t", [z.object({ t: z.literal("x"), x: z.boolean() }), z.object({ t: z.literal("y"), y: z.number().max(0) })]),
    });
    fc.assert(fc.property(valuesOf(schema), (value) => schema.safeParse(value).success), { numRuns: 300 });
  });

  it("are mostly accepted by the console's own form schemas", () => {
    for (const schema of [createOperatorSchema, sendIdSchema, appPolicySchema] as z.ZodType[]) {
      const samples = fc.sample(valuesOf(schema), 200);
      expect(samples.filter((v) => schema.safeParse(v).success).length).toBeGreaterThan(20);
    }
  });
});
