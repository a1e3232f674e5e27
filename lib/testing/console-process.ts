import type { OpenDatabase } from "@/lib/db/open";

const holder = globalThis as typeof globalThis & {
  __consoleDb?: Promise<OpenDatabase>;
  __consoleAuth?: Promise<unknown>;
  __consoleRateGate?: unknown;
};

/**
 * Points the console's process-wide handles (lib/db getDb, lib/auth getAuth, the call limiter) at a test's own
 * database, as if the console had started on it; `undefined` forgets them. The auth instance and the limiter are
 * rebuilt on first use, so nothing from a previous database leaks into the next.
 */
export function pointConsoleAt(opened: OpenDatabase | undefined): void {
  holder.__consoleDb = opened ? Promise.resolve(opened) : undefined;
  holder.__consoleAuth = undefined;
  holder.__consoleRateGate = undefined;
}
