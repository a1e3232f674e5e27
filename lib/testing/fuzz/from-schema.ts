import fc from "fast-check";

/**
 * Values built from a zod schema's own description (its `_zod.def`): the kinds, lengths, bounds, formats, enums
 * and literals it declares, with the bounds themselves favoured. Refinements are code and cannot be read, so some
 * of these values are still refused; what the schema accepts must then be accepted by the action too.
 */
type CheckDef = { check: string; minimum?: number; maximum?: number; value?: number; inclusive?: boolean; format?: string; pattern?: RegExp };
type Def = { type: string; checks?: { _zod: { def: CheckDef } }[]; format?: string; [key: string]: unknown };

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): CheckDef[] => (def.checks ?? []).map((c) => c._zod.def);
const MAX_TEXT = 200;
const MAX_ITEMS = 4;

function lengths(def: Def): { min: number; max: number } {
  let min = 0;
  let max = Infinity;
  for (const c of checksOf(def)) {
    if (c.check === "min_length" && c.minimum !== undefined) min = Math.max(min, c.minimum);
    if (c.check === "max_length" && c.maximum !== undefined) max = Math.min(max, c.maximum);
    if (c.check === "length_equals" && c.value !== undefined) [min, max] = [c.value, c.value];
  }
  return { min, max };
}

function stringFor(def: Def): fc.Arbitrary<string> {
  const formats = [def.format, ...checksOf(def).map((c) => (c.check === "string_format" ? c.format : undefined))];
  if (formats.includes("uuid") || formats.includes("guid")) return fc.uuid();
  // fast-check's RFC addresses are wider than the browser's (and zod's) idea of one: build the common shape.
  if (formats.includes("email")) return fc.tuple(fc.stringMatching(/^[a-z0-9._-]{1,12}$/), fc.stringMatching(/^[a-z0-9-]{1,12}$/)).map(([local, host]) => `${local}@${host}.test`);
  const pattern = checksOf(def).find((c) => c.pattern instanceof RegExp)?.pattern;
  if (pattern) return fc.stringMatching(pattern);
  const { min, max } = lengths(def);
  const cap = Math.min(max, Math.max(min, MAX_TEXT));
  const exact = (n: number) => fc.string({ unit: "grapheme-ascii", minLength: n, maxLength: n });
  return fc.oneof(fc.string({ minLength: min, maxLength: cap }), exact(min), exact(Math.min(max, min + MAX_TEXT)));
}

function numberFor(def: Def): fc.Arbitrary<number> {
  let min = -Number.MAX_SAFE_INTEGER;
  let max = Number.MAX_SAFE_INTEGER;
  let integer = def.format === "safeint" || def.format === "int32" || def.format === "uint32";
  for (const c of checksOf(def)) {
    if (c.check === "greater_than" && c.value !== undefined) min = c.inclusive ? c.value : c.value + (integer ? 1 : Number.EPSILON);
    if (c.check === "less_than" && c.value !== undefined) max = c.inclusive ? c.value : c.value - (integer ? 1 : Number.EPSILON);
    if (c.check === "number_format" && c.format && /int/.test(c.format)) integer = true;
  }
  const bounds = fc.constantFrom(min, max);
  return integer ? fc.oneof(bounds, fc.integer({ min: Math.ceil(min), max: Math.floor(max) })) : fc.oneof(bounds, fc.double({ min, max, noNaN: true }));
}

/** An arbitrary of the values `schema` describes (depth-limited for recursive schemas). */
export function valuesOf(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 8) return fc.constant(undefined);
  const def = defOf(schema);
  const inner = (s: unknown) => valuesOf(s, depth + 1);
  switch (def.type) {
    case "string":
      return stringFor(def);
    case "number":
      return numberFor(def);
    case "boolean":
      return fc.boolean();
    case "enum":
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case "literal":
      return fc.constantFrom(...(def.values as unknown[]));
    case "optional":
    case "default":
    case "prefault":
      return fc.option(inner(def.innerType), { nil: undefined });
    case "nullable":
      return fc.option(inner(def.innerType), { nil: null });
    case "readonly":
    case "catch":
    case "nonoptional":
      return inner(def.innerType);
    case "pipe":
      // The output side names the format (a trimmed string piped into an email); a transform's output is code.
      return defOf(def.out).type === "transform" ? inner(def.in) : fc.oneof(inner(def.in), inner(def.out));
    case "lazy":
      return inner((def.getter as () => unknown)());
    case "array": {
      const { min, max } = lengths(def);
      return fc.array(inner(def.element), { minLength: min, maxLength: Math.max(min, Math.min(max, MAX_ITEMS)) });
    }
    case "object":
      return fc.record(Object.fromEntries(Object.entries(def.shape as Record<string, unknown>).map(([k, v]) => [k, inner(v)])));
    case "union":
      return fc.oneof(...(def.options as unknown[]).map(inner));
    case "tuple":
      return fc.tuple(...(def.items as unknown[]).map(inner));
    case "record":
      return fc.dictionary(fc.string({ maxLength: 8 }), inner(def.valueType), { maxKeys: MAX_ITEMS });
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
