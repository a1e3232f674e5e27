import fc from "fast-check";
import { valuesOf } from "./from-schema";

/**
 * Inputs a browser, a script or an attacker can send in place of what a form would: the building blocks of the
 * fuzz properties for server actions and for the sandbox's API. Every value here is something JSON, a query
 * string or React's server-action encoding can carry.
 */

/** Strings that have broken parsers, renderers, databases and ID rules elsewhere. */
export const HOSTILE_STRINGS: readonly string[] = [
  "",
  " ",
  "   \t\n ",
  "\u0000",
  "nul\u0000inside",
  "\u0007\u0008\u001b[31mred\u001b[0m",
  "line\r\nbreak",
  "\u202Egnp.exe\u202C",
  "\u200B\u200D\uFEFF",
  "\uD800",
  "lone \uDC00 low",
  "\uDBFF\uDFFF",
  "😀👩‍👩‍👧‍👦",
  "é".normalize("NFD"),
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "<svg onload=alert(1)>",
  "'; drop table message_send; --",
  "' OR '1'='1",
  "__proto__",
  "constructor",
  "prototype",
  "${7*7}{{7*7}}%s%n%x",
  "../../../../etc/passwd",
  "#hash-first",
  "a/b\\c*d\"e'f`g",
  "a,b;c\nd",
  "NaN",
  "-1",
  "1e309",
  "null",
  "undefined",
  "true",
  "{}",
  "[]",
  "$$typeof",
  "$undefined",
  "$@0",
];

/** Characters ZIM refuses in user and group IDs (zim-api.md §1.5), each a separate way an ID can be wrong. */
export const FORBIDDEN_ID_CHARS: readonly string[] = ["/", "\\", "*", "'", '"', "`", ",", "\u0000", "\n", "\t", "é", "中", "😀"];

export const BOUNDARY_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  1,
  0.5,
  -0.5,
  2 ** 31 - 1,
  2 ** 31,
  2 ** 32 - 1,
  2 ** 32,
  Number.MAX_SAFE_INTEGER,
  2 ** 53,
  -(2 ** 53),
  2 ** 64,
  1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  NaN,
  Infinity,
  -Infinity,
];

/** `depth` levels of nesting, built without recursion (a 10,000-deep value must not overflow the builder). */
export function deeplyNested(depth: number, shape: "object" | "array" | "__proto__"): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i += 1) {
    if (shape === "array") value = [value];
    else if (shape === "object") value = { a: value };
    else value = JSON.parse(`{"__proto__": ${JSON.stringify({ polluted: "yes" })}, "a": 0}`) as unknown;
  }
  return value;
}

/** One character or pattern repeated to `length` (up to a few MB): size limits, buffers, the byte counters. */
export const hugeString = fc
  .record({ unit: fc.constantFrom("x", "é", "😀", "\u0000", "<b>", "\uD800"), length: fc.constantFrom(1_001, 65_537, 1_048_577, 4_194_304) })
  .map(({ unit, length }) => unit.repeat(Math.ceil(length / unit.length)));

const forbiddenIds = fc
  .tuple(fc.string({ minLength: 0, maxLength: 8 }), fc.constantFrom(...FORBIDDEN_ID_CHARS), fc.string({ minLength: 0, maxLength: 8 }))
  .map(([a, c, b]) => a + c + b);

/** Any string a client could send, weighted toward the ones above. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: forbiddenIds },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 30, maxLength: 300 }) },
  { weight: 1, arbitrary: hugeString },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...BOUNDARY_NUMBERS) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer({ min: -10, max: 100_000 }) },
);

/** An object whose own keys are prototype-pollution names (JSON.parse makes `__proto__` an own key). */
const pollutingObject = fc
  .constantFrom("__proto__", "constructor", "prototype")
  .map((key) => JSON.parse(`{${JSON.stringify(key)}: {"polluted": "yes", "prototype": {"polluted": "yes"}}}`) as unknown);

/** Values of the wrong kind wherever they stand. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, true, false, [], {}, [1, 2, 3], [{}], new Date(NaN), new Date(0), 10n, -(2n ** 64n)),
  fc.constant(new Map([["a", 1]])),
  fc.constant(new Set(["a"])),
  pollutingObject,
  fc.constantFrom(10, 100, 10_000).chain((depth) => fc.constantFrom("object", "array", "__proto__").map((shape) => deeplyNested(depth, shape as "object"))),
  fc.array(fc.constantFrom(...HOSTILE_STRINGS), { maxLength: 5 }),
  fc.constant(Array.from({ length: 100_001 }, (_, i) => `u${i}`)),
);

/** Anything at all, for a whole input or one field of it. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 3, arbitrary: wrongType },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
);

/** A value of the same kind as `original` (what a form field could hold), else something hostile. */
export function sameKindAs(original: unknown): fc.Arbitrary<unknown> {
  if (typeof original === "string") {
    return fc.oneof(fc.string({ maxLength: Math.max(8, original.length * 2) }), fc.string({ unit: "grapheme-ascii", minLength: original.length, maxLength: original.length + 2 }), hostileString);
  }
  if (typeof original === "number") return fc.oneof(fc.integer({ min: -2, max: Math.max(10, Math.abs(original) * 2) }), hostileNumber);
  if (typeof original === "boolean") return fc.oneof(fc.boolean(), hostileValue);
  return hostileValue;
}

type Path = (string | number)[];

/** Every position in a JSON-like seed: the paths of its containers and of its leaves. */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const own: Path[] = prefix.length ? [prefix] : [];
  if (Array.isArray(value)) return [...own, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (value !== null && typeof value === "object") return [...own, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  return own;
}

const isContainer = (v: unknown): v is Record<string | number, unknown> =>
  Array.isArray(v) || (v !== null && typeof v === "object" && [Object.prototype, null].includes(Object.getPrototypeOf(v)));

function valueAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, key) => (isContainer(v) ? v[key] : undefined), value);
}

function setOwn(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  // defineProperty, so a "__proto__" key becomes an own property as JSON.parse would make it.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A copy of `root` with the value at `path` replaced (or dropped); only the containers along the path are copied. */
function withValueAt(root: unknown, path: Path, replacement: unknown, drop: boolean): unknown {
  if (path.length === 0) return drop ? undefined : replacement;
  if (!isContainer(root)) return root;
  const [key, ...rest] = path as [string | number, ...Path];
  const copy = (Array.isArray(root) ? [...root] : { ...root }) as Record<string | number, unknown>;
  if (rest.length === 0 && drop) delete copy[key];
  else setOwn(copy, key, withValueAt(copy[key], rest, replacement, drop));
  return copy;
}

type Edit = { path: Path; kind: "same" | "hostile" | "drop" | "extra"; same: unknown; hostile: unknown; extraKey: string };

/**
 * The seed with one to three of its positions changed: a value of the same kind (mostly still valid), a hostile
 * value, a key dropped, or an unexpected key added. Near misses reach deeper into a schema than random values do.
 */
export function mutationsOf(seed: unknown): fc.Arbitrary<unknown> {
  const paths: Path[] = [[], ...pathsOf(seed)];
  const edit: fc.Arbitrary<Edit> = fc.constantFrom(...paths).chain((path) =>
    fc.record({
      path: fc.constant(path),
      kind: fc.constantFrom<Edit["kind"]>("same", "same", "hostile", "hostile", "drop", "extra"),
      same: sameKindAs(valueAt(seed, path)),
      hostile: hostileValue,
      extraKey: fc.constantFrom("__proto__", "constructor", "extra", "toString", "id"),
    }),
  );
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) =>
    edits.reduce<unknown>((input, e) => {
      if (e.kind === "extra") {
        // Only objects: JSON and React's encoding never give an array a named own key.
        const target = valueAt(input, e.path);
        return isContainer(target) && !Array.isArray(target) ? withValueAt(input, [...e.path, e.extraKey], e.hostile, false) : input;
      }
      return withValueAt(input, e.path, e.kind === "same" ? e.same : e.hostile, e.kind === "drop");
    }, seed),
  );
}

/**
 * The inputs one property tries: the seeds as they are, near misses of them, values built from the schema's own
 * description (lib/testing/fuzz/from-schema.ts) when there is one, and whole hostile values.
 */
export function inputsFrom(seeds: readonly unknown[], schema?: unknown): fc.Arbitrary<unknown> {
  const sources: fc.WeightedArbitrary<unknown>[] = [{ weight: 2, arbitrary: hostileValue }];
  if (seeds.length > 0) {
    sources.push({ weight: 1, arbitrary: fc.constantFrom(...seeds) }, { weight: 5, arbitrary: fc.constantFrom(...seeds).chain(mutationsOf) });
  }
  if (schema !== undefined) sources.push({ weight: 2, arbitrary: valuesOf(schema) });
  return fc.oneof(...sources);
}

/** True when something wrote through a polluting key into Object.prototype. */
export function prototypePolluted(): boolean {
  return "polluted" in ({} as Record<string, unknown>) || "polluted" in Object.prototype;
}
