/**
 * How many generated inputs a property gets: `base` by default (sized so the fuzz suites stay short in CI), scaled
 * by FUZZ_RUNS for a deeper run (`FUZZ_RUNS=20 npm run test:storage` tries twenty times as many).
 */
export function fuzzRuns(base: number): number {
  const factor = Number(process.env.FUZZ_RUNS ?? "1");
  return Math.max(1, Math.round(base * (Number.isFinite(factor) && factor > 0 ? factor : 1)));
}

/** FUZZ_SEED replays a failing run exactly (fast-check prints the seed with every counterexample). */
export function fuzzSeed(): number | undefined {
  const seed = process.env.FUZZ_SEED;
  return seed === undefined || seed === "" ? undefined : Number(seed);
}
