import fc from "fast-check";
import { fuzzRuns, fuzzSeed } from "./runs";

/** A value for an error message: JSON-ish, long strings cut, so a 4 MB counterexample stays readable. */
export function preview(value: unknown, max = 600): string {
  let text: string;
  try {
    text = JSON.stringify(value, (_k, v: unknown) => {
      if (typeof v === "bigint") return `${v}n`;
      if (typeof v === "string" && v.length > 80) return `${v.slice(0, 60)}…(${v.length} chars)`;
      if (typeof v === "number" && !Number.isFinite(v)) return String(v);
      if (v instanceof Map || v instanceof Set) return `${v.constructor.name}(${v.size})`;
      return v;
    }) ?? String(value);
  } catch (error) {
    text = `<${String(error)}>`;
  }
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Runs an async property without shrinking (each run may write to a database or call the sandbox, so replays are
 * not free) and fails with the seed, the run's path and a readable counterexample. `check` returns the problem
 * with an input, or undefined when it holds. `examples` run first, every time: inputs that once broke something.
 */
export async function holdsForAll<T>(
  arbitrary: fc.Arbitrary<T>,
  baseRuns: number,
  check: (input: T) => Promise<string | undefined>,
  examples: readonly T[] = [],
): Promise<number> {
  let problem: string | undefined;
  let runs = 0;
  const result = await fc.check(
    fc.asyncProperty(arbitrary, async (input) => {
      runs += 1;
      problem = undefined;
      problem = await check(input);
      return problem === undefined;
    }),
    { numRuns: fuzzRuns(baseRuns), seed: fuzzSeed(), endOnFailure: true, examples: examples.map((e) => [e] as [T]) },
  );
  if (result.failed) {
    const input = result.counterexample?.[0];
    const cause = problem ?? (result.errorInstance instanceof Error ? `threw ${result.errorInstance.stack ?? result.errorInstance.message}` : "failed");
    throw new Error(`${cause}\n  input: ${preview(input)}\n  replay: FUZZ_SEED=${result.seed} (path ${result.counterexamplePath})`);
  }
  return runs;
}
