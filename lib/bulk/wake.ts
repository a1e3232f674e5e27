import "server-only";

/**
 * How the verbs (create, resume, retry, recall all, a scheduled start) tell the bulk runners of this process that
 * a run is waiting, so it starts at once instead of at the next poll. Only a hint: every runner also polls, which
 * is how runners in other processes (`npm run worker`) find the work.
 */
const holder = globalThis as typeof globalThis & { __bulkRunners?: Set<() => void> };

function runners(): Set<() => void> {
  holder.__bulkRunners ??= new Set();
  return holder.__bulkRunners;
}

/** Registers a runner's kick; answers the function that unregisters it. */
export function registerBulkRunner(kick: () => void): () => void {
  runners().add(kick);
  return () => runners().delete(kick);
}

export function kickBulkRunners(): void {
  for (const kick of runners()) kick();
}
